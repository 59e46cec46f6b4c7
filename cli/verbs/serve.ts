import { readFile } from 'node:fs/promises';
import { findBrowser } from '../../engine-bridge/render/find-browser.ts';
import { DEFAULT_MODEL_DIR, startStreamServer, type StreamServerOptions } from '../../runtime/server/start-stream-server.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

const DEFAULT_WORLD = new URL('../../samples/specs/river-valley-256.json', import.meta.url).pathname;

export const serveVerb: Verb = {
  name: 'serve',
  summary: 'The editor, the HTTP API and live world streams over Colyseus, on one port',
  help: `Usage: worldsmith serve [--port 2567] [--host 0.0.0.0] [--store DIR] [--world SPEC.json …] [--prompt TEXT --seed N]
                       [--source auto|model|render] [--model DIR | --no-model] [--max-streams N] [--max-rooms N]
                       [--clients-per-room N] [--anchors-per-second N] [--api-key KEY] [--token-secret S]
                       [--redis redis://host:6379] [--no-editor] [--system-chromium] [--gpu] [--browser PATH]

Starts one process on one port: express (the editor at /, the HTTP API documented at
/api/openapi.json, background jobs, world files, the sample game at /play, /metrics, /healthz,
/readyz) and Colyseus (a \`world\` room per world; each player streamed its own
frames as JPEG or WebP, answering its actions). Embedded defaults: a store under out/serve-store,
the shipped world model (models/checkpoints/valley-64) and its valley (samples/specs/river-valley-256.json)
added at start, frames from the model for worlds it was trained on and from the renderer (headless
Chromium) for the others. Ctrl-C shuts down gracefully: players are told, frames in flight go out.

Options:
  --port N            port for HTTP and WebSocket (default 2567; 0: any free port)
  --store DIR         where world specs and files are kept (default out/serve-store)
  --world FILE        a WorldSpec JSON to add at start (repeatable; default: the model's valley)
  --prompt TEXT       a world to add from a prompt (with --seed N)
  --source S          auto (default), model or render
  --model DIR         world model directory (default: the shipped one); --no-model: renderer only
  --max-streams N     streams this process takes, all rooms (default 32)
  --max-rooms N       world rooms this process opens (default 16)
  --clients-per-room N   (default 16)
  --anchors-per-second N  rendered frames per second per room that re-anchor the model's streams
                      (default 4; 0: the model runs open-loop, lowest latency, but its frames fade
                      within seconds of walking; see BENCHMARKS.md for what each costs)
  --api-key KEY       require "Authorization: Bearer KEY" on POST /api/tokens and /api/worlds
  --token-secret S    HMAC secret for join tokens (default WORLDSMITH_TOKEN_SECRET, else random)
  --redis URL         share rooms and matchmaking with other processes through Redis
  --no-editor         no editor and no job API: the sample game keeps /
  --system-chromium, --gpu, --browser PATH   the browser cutscene jobs film with, as for \`worldsmith render\`

Jobs (generation, cutscene filming) run one at a time in the background; they are kept in the store
(DIR/jobs), so a restarted server resumes the ones it was running.

Example:
  worldsmith serve --port 2567          # then open http://localhost:2567/
  curl -X POST localhost:2567/api/tokens -H 'content-type: application/json' -d '{"worldId":"world-7-909d10f9"}'`,
  async run(args, io) {
    const { values, positionals } = parseFlags('serve', args, {
      port: { type: 'string' },
      host: { type: 'string' },
      store: { type: 'string' },
      world: { type: 'string', multiple: true },
      prompt: { type: 'string' },
      seed: { type: 'string' },
      source: { type: 'string' },
      model: { type: 'string' },
      'no-model': { type: 'boolean' },
      'max-streams': { type: 'string' },
      'max-rooms': { type: 'string' },
      'clients-per-room': { type: 'string' },
      'anchors-per-second': { type: 'string' },
      'api-key': { type: 'string' },
      'token-secret': { type: 'string' },
      redis: { type: 'string' },
      'no-editor': { type: 'boolean' },
      'system-chromium': { type: 'boolean' },
      gpu: { type: 'boolean' },
      browser: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`serve takes no positional arguments (got "${positionals[0]}").`, 'serve');
    const source = values.source ?? 'auto';
    if (!['auto', 'model', 'render'].includes(source)) throw new UsageError(`--source must be auto, model or render (got "${source}").`, 'serve');
    const worlds: NonNullable<StreamServerOptions['worlds']> = [];
    for (const file of (values.world as string[] | undefined) ?? (values.prompt !== undefined ? [] : [DEFAULT_WORLD])) {
      let spec: unknown;
      try {
        spec = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new UsageError(`--world ${file} cannot be read as JSON (${(error as Error).message}).`, 'serve');
      }
      worlds.push({ spec });
    }
    if (values.prompt !== undefined) worlds.push({ prompt: values.prompt, seed: integerFlag('serve', 'seed', values.seed, 0, 0xffff_ffff) });
    const limits = {
      ...(values['max-streams'] ? { maxStreams: integerFlag('serve', 'max-streams', values['max-streams'], 1, 10_000)! } : {}),
      ...(values['max-rooms'] ? { maxRooms: integerFlag('serve', 'max-rooms', values['max-rooms'], 1, 10_000)! } : {}),
      ...(values['clients-per-room'] ? { clientsPerRoom: integerFlag('serve', 'clients-per-room', values['clients-per-room'], 1, 1_000)! } : {}),
    };
    const browser = { executablePath: values.browser, gpu: values.gpu === true, system: values['system-chromium'] === true };
    // A browser that cannot work is said now, not when the first cutscene job fails.
    if (values.browser !== undefined && values['no-editor'] !== true) await findBrowser(browser);
    const server = await startStreamServer({
      port: integerFlag('serve', 'port', values.port, 0, 65535) ?? 2567,
      host: values.host,
      store: values.store ?? 'out/serve-store',
      model: values['no-model'] ? null : (values.model ?? DEFAULT_MODEL_DIR),
      apiKey: values['api-key'],
      tokenSecret: values['token-secret'],
      redis: values.redis,
      settings: {
        source: source as 'auto' | 'model' | 'render',
        ...(values['anchors-per-second'] === undefined ? {} : { anchorsPerSecond: integerFlag('serve', 'anchors-per-second', values['anchors-per-second'], 0, 100)! }),
      },
      limits,
      worlds,
      editor: values['no-editor'] !== true,
      browser,
    });
    io.err(
      values['no-editor']
        ? `worldsmith serve: listening on ${server.url} (HTTP API, WebSocket rooms, sample game at /)\n`
        : `worldsmith serve: listening on ${server.url} — the editor: ${server.url}/ · HTTP API: ${server.url}/api/openapi.json · sample game: ${server.url}/play\n`,
    );
    for (const id of server.worldIds) io.err(`  world ${id}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      io.signal.addEventListener('abort', stop, { once: true });
      process.once('SIGTERM', stop);
    });
    io.err('worldsmith serve: shutting down (players are told; frames in flight go out)…\n');
    await server.close();
    return 0;
  },
};
