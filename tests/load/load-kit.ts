/**
 * What the load test and the soak share: the server as a child process (serve-for-load.ts), bot
 * clients (@colyseus/sdk over loopback) that send a deterministic changing action every 50 ms and
 * time each action to the first frame that applies it, a Prometheus /metrics scraper, CPU and RSS of
 * the server's whole process tree from /proc (the headless Chromium renderers are child processes
 * that process_cpu_seconds_total does not see), small statistics, and the BENCHMARKS.md block writer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client, type Room } from '@colyseus/sdk';
import { decodeFrameHeader, NO_ACTION, type ActionMessage } from '../../engine-bridge/stream-client/stream-protocol.ts';
import { writeSection } from '../bench/bench-report.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const ACTION_INTERVAL_MS = 50;

// ── the server process ───────────────────────────────────────────────────────────────────────────

export interface ServerProcess {
  port: number;
  url: string;
  worldId: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/load/serve-for-load.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; worldId: string; pid: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('The load-test server did not print READY within 120 s.')), 120_000);
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(6)) as { port: number; worldId: string; pid: number });
      } else process.stdout.write(`[server] ${line}\n`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The load-test server exited (code ${code}) before it was ready.`));
    });
  });
  return {
    ...ready,
    url: `http://127.0.0.1:${ready.port}`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ── /metrics ─────────────────────────────────────────────────────────────────────────────────────

/** One scrape: every sample line, keyed by `name{labels}` as printed. */
export type Scrape = Map<string, number>;

export async function scrapeMetrics(url: string): Promise<Scrape> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return out;
}

/** The sum over every label set of the metric `name` (exact name, e.g. `x_total` or `x_sum`). */
export function metricSum(s: Scrape, name: string): number {
  let total = 0;
  for (const [key, value] of s) if (key === name || key.startsWith(`${name}{`)) total += value;
  return total;
}

export function metricDelta(a: Scrape, b: Scrape, name: string): number {
  return metricSum(b, name) - metricSum(a, name);
}

/** The mean of a histogram between two scrapes (its _sum and _count deltas); null if nothing was observed. */
export function histogramMean(a: Scrape, b: Scrape, name: string): number | null {
  const n = metricDelta(a, b, `${name}_count`);
  return n > 0 ? metricDelta(a, b, `${name}_sum`) / n : null;
}

// ── the server's process tree, from /proc ────────────────────────────────────────────────────────

const CLOCK_TICKS = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

function processTree(rootPid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parent) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** CPU seconds (user + system) used so far by each process of the tree under rootPid. */
export function treeCpuSeconds(rootPid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU seconds the tree used between two readings (processes that started meanwhile count from zero). */
export function treeCpuDelta(a: Map<number, number>, b: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of b) total += s - (a.get(pid) ?? 0);
  return total;
}

/** Busy CPU seconds of the whole machine so far (all cores: user, nice, system, irq, softirq, steal from /proc/stat). */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / CLOCK_TICKS;
}

export function treeRssBytes(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

// ── bots ─────────────────────────────────────────────────────────────────────────────────────────

/** The action bot `bot` sends at step `step`: smooth, different per bot, each component in −1…1. No randomness. */
export function botAction(bot: number, step: number): ActionMessage['action'] {
  return [
    0.8 * Math.sin(0.11 * step + 0.7 * bot),
    0.6 * Math.sin(0.07 * step + 1.3 * bot),
    0.9 * Math.sin(0.05 * step + 2.1 * bot),
    0.3 * Math.sin(0.03 * step + 0.5 * bot),
  ];
}

export interface BotWindow {
  frames: number;
  bytes: number;
  /** Action sent → first frame whose lastActionSeq ≥ its seq, ms, for actions sent in the window. */
  latenciesMs: number[];
  /** Actions sent in the window that no frame had applied when it closed. */
  unanswered: number;
}

export class Bot {
  private seq = 0;
  private pending: Array<{ seq: number; at: number; counted: boolean }> = [];
  private measuring = false;
  private window: BotWindow = { frames: 0, bytes: 0, latenciesMs: [], unanswered: 0 };
  /** Frames and bytes since joining (the soak's counters). */
  totalFrames = 0;
  totalBytes = 0;
  closed = false;

  constructor(
    readonly index: number,
    private readonly room: Room,
  ) {
    room.onMessage('frame', (bytes: Uint8Array) => this.onFrame(bytes));
    room.onMessage('hello', () => undefined);
    room.onMessage('notice', () => undefined);
    room.onLeave(() => {
      this.closed = true;
    });
  }

  private onFrame(bytes: Uint8Array) {
    const now = performance.now();
    const h = decodeFrameHeader(bytes);
    this.totalFrames++;
    this.totalBytes += bytes.byteLength;
    if (this.measuring) {
      this.window.frames++;
      this.window.bytes += bytes.byteLength;
    }
    if (h.lastActionSeq === NO_ACTION) return;
    while (this.pending.length > 0 && this.pending[0].seq <= h.lastActionSeq) {
      const p = this.pending.shift()!;
      if (p.counted) this.window.latenciesMs.push(now - p.at);
    }
  }

  /** Sends the next action (called every ACTION_INTERVAL_MS by the driver). */
  act() {
    if (this.closed) return;
    const seq = ++this.seq;
    this.pending.push({ seq, at: performance.now(), counted: this.measuring });
    // A client that never gets frames must not grow without bound.
    if (this.pending.length > 2000) this.pending.shift();
    this.room.send('action', { seq, action: botAction(this.index, seq) } satisfies ActionMessage);
  }

  startWindow() {
    this.window = { frames: 0, bytes: 0, latenciesMs: [], unanswered: 0 };
    this.measuring = true;
  }

  endWindow(): BotWindow {
    this.measuring = false;
    this.window.unanswered = this.pending.filter((p) => p.counted).length;
    for (const p of this.pending) p.counted = false;
    return this.window;
  }

  async leave() {
    this.closed = true;
    await this.room.leave().catch(() => undefined);
  }
}

export async function worldToken(url: string, worldId: string): Promise<string> {
  const res = await fetch(`${url}/api/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ worldId }) });
  if (!res.ok) throw new Error(`POST /api/tokens answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Joins `count` bots one after another (the first join into a world room warms the model on
 * rendered frames, several seconds) to `room` ('world' or 'echo'). Each bot sends an action every
 * ACTION_INTERVAL_MS on its own timer, the bots' phases spread evenly over the interval: the room
 * ticks at the same 20 Hz, so one shared timer would fix a single phase between actions and ticks
 * and the latency would measure that phase rather than its spread.
 */
export async function joinBots(server: ServerProcess, room: 'world' | 'echo', count: number, options: Record<string, unknown>): Promise<{ bots: Bot[]; stop: () => Promise<void> }> {
  const client = new Client(`ws://127.0.0.1:${server.port}`);
  const bots: Bot[] = [];
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const origin = performance.now();
  const drive = (bot: Bot) => {
    const phase = (bot.index * ACTION_INTERVAL_MS) / count;
    const delay = (((phase - (performance.now() - origin)) % ACTION_INTERVAL_MS) + ACTION_INTERVAL_MS) % ACTION_INTERVAL_MS;
    timers.push(
      setTimeout(() => {
        bot.act();
        timers.push(setInterval(() => bot.act(), ACTION_INTERVAL_MS));
      }, delay),
    );
  };
  const stopAll = async () => {
    for (const t of timers) clearTimeout(t);
    await Promise.all(bots.map((b) => b.leave()));
  };
  try {
    for (let i = 0; i < count; i++) {
      const joinOptions = room === 'world' ? { ...options, worldId: server.worldId, token: await worldToken(server.url, server.worldId), name: `bot ${i}` } : options;
      const bot = new Bot(i, await client.joinOrCreate(room, joinOptions));
      bots.push(bot);
      drive(bot);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { bots, stop: stopAll };
}

// ── statistics and reporting ─────────────────────────────────────────────────────────────────────

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Nearest-rank percentile (p in 0…100) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Least-squares slope of y over x. */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return Number.NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

export function flag(name: string, fallback: number, allowed?: readonly number[]): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0 || (allowed && !allowed.includes(value))) {
    throw new Error(`--${name} takes ${allowed ? allowed.join(' or ') : 'a positive number'}; got ${JSON.stringify(process.argv[i + 1])}.`);
  }
  return value;
}


const BENCHMARKS = `${ROOT}BENCHMARKS.md`;

/** Writes `body` as the block NAME of BENCHMARKS.md (see writeSection in tests/bench/bench-report.ts). */
export function writeBenchmarkBlock(name: string, body: string, place: { before?: string; after?: string } = {}): Promise<void> {
  return writeSection(BENCHMARKS, name, body, place);
}
