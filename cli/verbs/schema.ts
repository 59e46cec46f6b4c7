import { worldSpecJsonSchema } from '../../generators/spec/index.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import { parseFlags } from '../parse-flags.ts';
import type { Verb } from './verb.ts';

export const schemaVerb: Verb = {
  name: 'schema',
  summary: 'Print the WorldSpec JSON Schema',
  help: `Usage: worldsmith schema [--out FILE]

Prints the JSON Schema of the WorldSpec: every field with its type, range, default and meaning.
Editors and validators (VS Code's "$schema", ajv, …) can use it as it is.

Options:
  --out FILE   write the schema to FILE instead of printing it

Example:
  worldsmith schema --out world-spec.schema.json`,
  async run(args, io) {
    const { values } = parseFlags('schema', args, { out: { type: 'string' } });
    const text = `${JSON.stringify(worldSpecJsonSchema(), null, 2)}\n`;
    if (values.out) {
      await writeFilesAtomically([{ path: values.out, data: text }]);
      io.err(`Wrote ${values.out}\n`);
    } else io.out(text);
    return 0;
  },
};
