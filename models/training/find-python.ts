/**
 * Finds the Python that trains and exports the world model: $WORLDSMITH_PYTHON when set, else
 * Debian's /usr/bin/python3 when it can import torch and onnx, else `python3` on PATH. A pyenv or
 * venv python3 earlier on PATH often lacks torch, hence the order.
 */
import { spawnSync } from 'node:child_process';

export const PYTHON_INSTALL_HINT =
  'No Python with torch and onnx found: install Debian\'s python3-torch python3-onnx libopenblas0-pthread ' +
  '(apt-get install python3-torch python3-onnx libopenblas0-pthread), or set WORLDSMITH_PYTHON to a python ' +
  'that can `import torch, onnx`.';

export type PythonLookup = { found: true; python: string; torch: string } | { found: false; reason: string };

const PROBE = 'import torch, onnx; print(torch.__version__)';
let cached: PythonLookup | undefined;

function probe(python: string): string | undefined {
  const result = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) return undefined;
  return result.stdout.trim();
}

export function findTorchPython(env: NodeJS.ProcessEnv = process.env): PythonLookup {
  if (cached) return cached;
  const chosen = env.WORLDSMITH_PYTHON;
  if (chosen) {
    const version = probe(chosen);
    cached = version ? { found: true, python: chosen, torch: version } : { found: false, reason: `WORLDSMITH_PYTHON=${chosen} cannot \`import torch, onnx\`. ${PYTHON_INSTALL_HINT}` };
    return cached;
  }
  for (const python of ['/usr/bin/python3', 'python3']) {
    const version = probe(python);
    if (version) return (cached = { found: true, python, torch: version });
  }
  return (cached = { found: false, reason: PYTHON_INSTALL_HINT });
}
