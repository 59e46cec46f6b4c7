import { readFile } from 'node:fs/promises';
import { validateGlb } from '../../generators/export/validate-glb.ts';
import { parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

export const validateVerb: Verb = {
  name: 'validate',
  summary: 'Run the Khronos glTF-Validator on a .glb',
  help: `Usage: worldsmith validate FILE.glb [--json]

Runs the Khronos glTF-Validator and prints the number of errors, warnings, infos and hints, with
the first messages. Exits with 1 when there is any error.

Options:
  --json   print the summary as JSON

Example:
  worldsmith validate out/valley/world.glb`,
  async run(args, io) {
    const { values, positionals } = parseFlags('validate', args, { json: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('validate takes one .glb file. See `worldsmith validate --help`.', 'validate');
    const file = positionals[0];
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, 'validate');
    }
    const summary = await validateGlb(bytes, 20);
    if (values.json) io.out(`${JSON.stringify({ file, ...summary }, null, 2)}\n`);
    else {
      io.out(
        `${file}: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos, ${summary.hints} hints ` +
          `(glTF-Validator ${summary.validatorVersion})\n`,
      );
      for (const m of summary.messages.filter((m) => m.severity === 'error' || m.severity === 'warning').slice(0, 10)) {
        io.out(`  ${m.severity} ${m.code} at ${m.pointer ?? '(file)'}: ${m.message}\n`);
      }
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
