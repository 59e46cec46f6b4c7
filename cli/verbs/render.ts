import { readFile, stat } from 'node:fs/promises';
import { readGlbInfo } from '../../engine-bridge/render/glb-info.ts';
import { RenderError } from '../../engine-bridge/render/render-error.ts';
import { overviewCamera, renderStill, spawnCamera } from '../../engine-bridge/render/render-still.ts';
import type { RenderCamera } from '../../engine-bridge/render/page/render-job.ts';
import { formatBytes, formatMs } from '../progress-reporter.ts';
import { integerFlag, parseFlags, sizeFlag } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { Verb } from './verb.ts';

export const renderVerb: Verb = {
  name: 'render',
  summary: 'Render one frame of a .glb with Babylon.js in headless Chromium',
  help: `Usage: worldsmith render FILE.glb --out frame.png [--size WxH] [--view overview|spawn] [--camera X,Y,Z:TX,TY,TZ[:FOV]] [--system-chromium] [--gpu] [--browser PATH] [--timeout S]

Loads the .glb into Babylon.js (WebGL2) in headless Chromium, lights it as the world says (its sun,
sky colour, ambient light and fog), waits for every level of detail and texture, draws one frame
and writes it as PNG (atomically). The same file, camera, size and browser give the same pixels.

Browser: --browser PATH or WORLDSMITH_CHROMIUM, else with --system-chromium the system's Chromium
(/usr/bin/chromium, with ANGLE on EGL: Mesa's llvmpipe without a GPU, faster, but it has hung here
reading back textured close-ups), else the embedded @sparticuz/chromium (SwiftShader; it unpacks
~200 MB into TMPDIR on first start).

Options:
  --out FILE      the PNG to write
  --size WxH      frame size in pixels (default 1280x720)
  --view V        overview (default: the whole world from the south, 30° down) or spawn (the
                  player's eyes at the spawn point)
  --camera C      camera position and target in the world's metres (glTF axes: +Y up), and the
                  vertical field of view in degrees (default 60), e.g. 0,120,300:0,40,0:50
  --system-chromium  use the system's Chromium when there is one
  --gpu           let Chromium use a GPU (ANGLE on Vulkan) — system or named browser only
  --browser PATH  a Chromium or Chrome binary
  --timeout S     give up after S seconds (default 180; a large world on SwiftShader takes ~45 s)
  --json          print what was rendered (browser, camera, timings) as JSON

Examples:
  worldsmith render out/demo/world.glb --out out/demo/frame.png
  worldsmith render out/demo/world.glb --view spawn --size 1920x1080 --out out/demo/spawn.png`,
  async run(args, io) {
    const { values, positionals } = parseFlags('render', args, {
      out: { type: 'string' },
      size: { type: 'string' },
      view: { type: 'string' },
      camera: { type: 'string' },
      gpu: { type: 'boolean' },
      'system-chromium': { type: 'boolean' },
      browser: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    const timeoutSeconds = integerFlag('render', 'timeout', values.timeout, 1, 86400) ?? 180;
    if (positionals.length !== 1) throw new UsageError('render needs one .glb file. See `worldsmith render --help`.', 'render');
    if (!values.out) throw new UsageError('render needs --out FILE.png.', 'render');
    const [file] = positionals;
    const [width, height] = sizeFlag('render', values.size ?? '1280x720');
    let glb: Uint8Array;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      glb = new Uint8Array(await readFile(file));
    } catch (error) {
      throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'render');
    }
    const info = readGlbInfo(glb, file);
    let camera: RenderCamera;
    if (values.camera) camera = parseCamera(values.camera);
    else if ((values.view ?? 'overview') === 'overview') camera = overviewCamera(info.size, info.heightRange);
    else if (values.view === 'spawn') {
      if (!info.spawn) throw new RenderError('RENDER_INPUT', `${file} has no spawn point (a node with role "spawn"): use --view overview or --camera.`);
      camera = spawnCamera(info.spawn);
    } else throw new UsageError(`--view must be overview or spawn (got "${values.view}").`, 'render');

    const still = await renderStill(glb, { width, height, camera, browser: { executablePath: values.browser, gpu: values.gpu === true, system: values['system-chromium'] === true }, timeoutMs: timeoutSeconds * 1000, signal: io.signal });
    await writeFilesAtomically([{ path: values.out, data: still.png }], io.signal);
    if (values.json) {
      io.out(`${JSON.stringify({ file, out: values.out, width, height, camera: still.camera, browser: still.browser, stats: still.stats, ms: still.ms }, null, 2)}\n`);
      return 0;
    }
    io.out(
      `${values.out}  ${width}×${height} · ${formatBytes(still.png.length)} · ${still.browser.kind} Chromium (${still.browser.renderer}) · ` +
        `${still.stats.meshes ?? 0} meshes, ${still.stats.textures ?? 0} textures · ${formatMs(still.ms.total)}\n`,
    );
    return 0;
  },
};

function parseCamera(text: string): RenderCamera {
  const parts = text.split(':');
  const triple = (s: string | undefined): [number, number, number] | null => {
    const v = (s ?? '').split(',').map(Number);
    return v.length === 3 && v.every(Number.isFinite) ? [v[0], v[1], v[2]] : null;
  };
  const position = triple(parts[0]);
  const target = triple(parts[1]);
  const fov = parts[2] === undefined ? 60 : Number(parts[2]);
  if (!position || !target || parts.length > 3 || !(fov > 1 && fov < 179)) {
    throw new UsageError(`--camera must be X,Y,Z:TX,TY,TZ[:FOV] (metres; FOV in degrees, 1–179), e.g. 0,120,300:0,40,0:50 (got "${text}").`, 'render');
  }
  return { position, target, fovDegrees: fov };
}
