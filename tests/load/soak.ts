/**
 * `npm run soak [-- --minutes M --streams N --size 64|128]`: moderate load (default 4 streams at 64²
 * from the world model) held for M minutes (default 10) against a server in its own process. Every
 * 10 s it samples the server's resident memory and V8 heap (from /metrics), the RSS of its whole
 * process tree (Chromium renderers included, from /proc) and the frames the bots received. Reports
 * first / last / max of each and the slope (MB per minute) of a least-squares line over the second
 * half, where warm-up growth is over; writes out/soak.json and the "Soak" block of BENCHMARKS.md.
 * `--from-json` runs nothing and rewrites the block from the last out/soak.json; `--note TEXT` adds a
 * line to the block (what else the machine was doing, say).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { flag, joinBots, metricSum, ROOT, scrapeMetrics, sleep, slope, startServerProcess, treeRssBytes, writeBenchmarkBlock } from './load-kit.ts';
import { machine as benchMachine } from '../bench/bench-report.ts';

const minutes = flag('minutes', 10);
const streams = flag('streams', 4);
const size = flag('size', 64, [64, 128]);
const SAMPLE_MS = 10_000;
const MB = 1024 * 1024;

interface Sample {
  /** Seconds since the bots had joined. */
  t: number;
  rssMB: number;
  heapMB: number;
  treeRssMB: number;
  /** Frames per second per stream over the last interval (mean over bots). */
  fps: number;
  framesDropped: number;
  ticksSkipped: number;
}

async function runSoak(): Promise<unknown> {
  const server = await startServerProcess();
  console.log(`soak: server pid ${server.pid} on ${server.url}; ${streams} streams at ${size}² for ${minutes} min`);
  let result: unknown;
  try {
    const { bots, stop } = await joinBots(server, 'world', streams, { size });
    const started = performance.now();
    const samples: Sample[] = [];
    let lastFrames = 0;
    let lastAt = started;
    const end = started + minutes * 60_000;
    while (performance.now() < end) {
      await sleep(Math.min(SAMPLE_MS, Math.max(0, end - performance.now())));
      const s = await scrapeMetrics(server.url);
      const now = performance.now();
      const frames = bots.reduce((a, b) => a + b.totalFrames, 0);
      const sample: Sample = {
        t: (now - started) / 1000,
        rssMB: metricSum(s, 'process_resident_memory_bytes') / MB,
        heapMB: metricSum(s, 'nodejs_heap_used_bytes') / MB,
        treeRssMB: treeRssBytes(server.pid) / MB,
        fps: (frames - lastFrames) / bots.length / ((now - lastAt) / 1000),
        framesDropped: metricSum(s, 'worldsmith_frames_dropped_total'),
        ticksSkipped: metricSum(s, 'worldsmith_ticks_skipped_total'),
      };
      lastFrames = frames;
      lastAt = now;
      samples.push(sample);
      console.log(`  t=${sample.t.toFixed(0)}s  rss ${sample.rssMB.toFixed(1)} MB  heap ${sample.heapMB.toFixed(1)} MB  tree rss ${sample.treeRssMB.toFixed(1)} MB  ${sample.fps.toFixed(1)} fps/stream  dropped ${sample.framesDropped}  skipped ${sample.ticksSkipped}`);
    }
    const disconnected = bots.filter((b) => b.closed).length;
    await stop();

    const half = samples.slice(Math.floor(samples.length / 2));
    const perMinute = (key: 'rssMB' | 'heapMB' | 'treeRssMB') => slope(half.map((x) => x.t / 60), half.map((x) => x[key]));
    const summary = (key: 'rssMB' | 'heapMB' | 'treeRssMB') => ({
      first: samples[0]?.[key] ?? Number.NaN,
      last: samples.at(-1)?.[key] ?? Number.NaN,
      max: Math.max(...samples.map((x) => x[key])),
      slopeMBPerMinSecondHalf: perMinute(key),
    });
    const fpsValues = samples.map((x) => x.fps).sort((a, b) => a - b);
    result = {
      date: new Date().toISOString(),
      machine: benchMachine(),
      minutes,
      streams,
      size,
      sampleSeconds: SAMPLE_MS / 1000,
      rss: summary('rssMB'),
      heap: summary('heapMB'),
      treeRss: summary('treeRssMB'),
      fps: { min: fpsValues[0], median: fpsValues[Math.floor(fpsValues.length / 2)] },
      framesDropped: samples.at(-1)?.framesDropped ?? 0,
      ticksSkipped: samples.at(-1)?.ticksSkipped ?? 0,
      botsDisconnected: disconnected,
      samples,
    };
  } finally {
    await server.stop();
  }
  return result;
}

type Summary = { first: number; last: number; max: number; slopeMBPerMinSecondHalf: number };
const fromJson = process.argv.includes('--from-json');
const noteAt = process.argv.indexOf('--note');
const note = noteAt >= 0 ? (process.argv[noteAt + 1] ?? '') : '';
const result: unknown = fromJson ? JSON.parse(readFileSync(`${ROOT}out/soak.json`, 'utf8')) : await runSoak();
const r = result as { minutes: number; streams: number; size: number; sampleSeconds: number; date: string; machine: string; rss: Summary; heap: Summary; treeRss: Summary; fps: { min: number; median: number }; framesDropped: number; ticksSkipped: number; botsDisconnected: number };
if (!fromJson) {
  mkdirSync(`${ROOT}out`, { recursive: true });
  writeFileSync(`${ROOT}out/soak.json`, `${JSON.stringify(result, null, 2)}\n`);
}

const row = (label: string, s: Summary) => `| ${label} | ${s.first.toFixed(1)} | ${s.last.toFixed(1)} | ${s.max.toFixed(1)} | **${s.slopeMBPerMinSecondHalf >= 0 ? '+' : ''}${s.slopeMBPerMinSecondHalf.toFixed(2)}** |`;
const table = [
  '| memory | first MB | last MB | max MB | slope, 2nd half (MB/min) |',
  '| --- | --- | --- | --- | --- |',
  row('server RSS (process_resident_memory_bytes)', r.rss),
  row('server V8 heap used (nodejs_heap_used_bytes)', r.heap),
  row('server process tree RSS (with Chromium, /proc)', r.treeRss),
].join('\n');
const body = `### Soak (npm run soak)

${r.streams} streams at ${r.size}² from the world model for ${r.minutes} minutes, ${r.date.slice(0, 10)}, on ${r.machine}; server in its own process, bots in another.
Sampled every ${r.sampleSeconds} s; the slope is a least-squares line over the second half of the samples (after warm-up growth).
Streams received a median ${r.fps.median.toFixed(1)} fps per 10 s interval (lowest ${r.fps.min.toFixed(1)}); ${r.framesDropped} frames dropped, ${r.ticksSkipped} ticks skipped, ${r.botsDisconnected} bots disconnected over the whole run.${note ? `\n${note}` : ''}

${table}`;
await writeBenchmarkBlock('soak', body, { after: 'loadtest' });
console.log(`\n${table}\n\nwrote out/soak.json and the Soak block of BENCHMARKS.md`);
process.exit(0);
