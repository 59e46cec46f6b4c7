/**
 * Which Chromium renders, and with which flags, in this order:
 *   1. one named by the caller or by WORLDSMITH_CHROMIUM (a path to a Chromium or Chrome binary),
 *      with ANGLE on EGL (or, with `gpu: true`, ANGLE on Vulkan with GPU rasterisation);
 *   2. with `system: true`, the system's Chromium (/usr/bin/chromium, chromium-browser,
 *      google-chrome) with the same flags — Mesa's llvmpipe on a machine without a GPU, 2.5–3×
 *      faster than SwiftShader;
 *   3. the embedded default, @sparticuz/chromium (npm only; it unpacks ~200 MB into TMPDIR on first
 *      start; SwiftShader), with its own flags as they are.
 * The system browser is opt-in: on this project's machines Debian's Chromium 150 under llvmpipe
 * draws untextured worlds and textured overviews, but hangs reading back a textured close-up (the
 * spawn view), where SwiftShader does not.
 * Frames repeat bit for bit within one renderer; different renderers differ in the last bits.
 */
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { RenderError } from './render-error.ts';

export interface BrowserChoice {
  executablePath: string;
  args: string[];
  /** `named`, `system` or `embedded`: what was found. */
  kind: 'named' | 'system' | 'embedded';
  /** The software or hardware that draws: 'swiftshader', 'angle-egl' or 'gpu'. */
  renderer: string;
}

export interface FindBrowserOptions {
  /** A Chromium binary to use; default: WORLDSMITH_CHROMIUM, else (with `system`) the system's, else the embedded one. */
  executablePath?: string;
  /** Use the system's Chromium when there is one (see above). */
  system?: boolean;
  /** Let Chromium use a GPU when present (system or named browser). */
  gpu?: boolean;
}

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** ANGLE over EGL: llvmpipe without a GPU; WebGL2 either way. */
const ANGLE_EGL_ARGS = ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-unsafe-swiftshader'];
/** With a GPU: ANGLE over Vulkan, rasterisation and compositing on the GPU. */
const GPU_ARGS = ['--use-gl=angle', '--use-angle=vulkan', '--enable-features=Vulkan', '--ignore-gpu-blocklist', '--enable-gpu-rasterization'];

export async function findBrowser(options: FindBrowserOptions = {}): Promise<BrowserChoice> {
  const named = options.executablePath ?? process.env.WORLDSMITH_CHROMIUM;
  const systemArgs = options.gpu ? GPU_ARGS : ANGLE_EGL_ARGS;
  if (named) {
    if (!(await executable(named))) {
      throw new RenderError(
        'RENDER_BROWSER',
        `The browser ${named} (from ${options.executablePath ? '--browser' : 'WORLDSMITH_CHROMIUM'}) is not an executable file. Point it at a Chromium or Chrome binary, or unset it to use the system's or the embedded one.`,
      );
    }
    return { executablePath: named, args: systemArgs, kind: 'named', renderer: options.gpu ? 'gpu' : 'angle-egl' };
  }
  if (options.system) {
    for (const path of SYSTEM_CHROMIUMS) {
      if (await executable(path)) return { executablePath: path, args: systemArgs, kind: 'system', renderer: options.gpu ? 'gpu' : 'angle-egl' };
    }
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  return { executablePath: await chromium.executablePath(), args: chromium.args, kind: 'embedded', renderer: 'swiftshader' };
}

/** Whether a file exists and may be run. */
export async function executable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
