import { formatExplanation, interpretPrompt } from '../../generators/interpret/index.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import type { Verb } from './verb.ts';

export const interpretVerb: Verb = {
  name: 'interpret',
  summary: 'Turn a sentence into a WorldSpec and explain how',
  help: `Usage: worldsmith interpret "<prompt>" [--seed N] [--json]

Reads the prompt and prints the WorldSpec it gives, then the explanation: which words set which
fields, what each concept implied, which words were not used, and how conflicts were settled.
Without --seed the seed is a hash of the prompt, so the same prompt always gives the same spec.

Options:
  --seed N   world seed, 0 to 4294967295
  --json     print {"spec", "explanation"} as JSON

Example:
  worldsmith interpret "a misty pine valley with a river and a ruined watchtower at dawn" --seed 7`,
  async run(args, io) {
    const { values, positionals } = parseFlags('interpret', args, { seed: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('interpret needs a prompt in quotes. See `worldsmith interpret --help`.', 'interpret');
    const seed = integerFlag('interpret', 'seed', values.seed, 0, 4294967295);
    const { spec, explanation } = interpretPrompt(positionals.join(' '), { seed });
    if (values.json) io.out(`${JSON.stringify({ spec, explanation }, null, 2)}\n`);
    else io.out(`${JSON.stringify(spec, null, 2)}\n\n${formatExplanation(explanation)}\n`);
    return 0;
  },
};
