import { join } from 'node:path';
import { settleFraming } from '../../generators/shots/settle-framing.ts';
import { formatStoryboardExplanation, interpretStoryboard } from '../../generators/shots/storyboard/index.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { readWorldDirectory } from '../read-world-directory.ts';
import { UsageError } from '../usage-error.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { Verb } from './verb.ts';

export const planVerb: Verb = {
  name: 'plan',
  summary: 'Turn a storyboard into a ShotPlan for a world, framed against it',
  help: `Usage: worldsmith plan "<storyboard>" --world DIR [--out PLAN.json] [--seed N] [--json]

Reads the storyboard (shots separated by ';', new lines or sentences) and writes a ShotPlan for the
world in DIR: each shot's type, subject, characters' actions, duration, lens, transition, time of day
and mood, chosen from the words and the world (explained below the plan). Then frames every shot
against the world — camera clear of the ground, water and objects, the subject in sight, walks on
the navmesh — and writes the chosen rig into the plan, so it says exactly what will be filmed.
Edit it, then film it with \`worldsmith cutscene\`.

Options:
  --world DIR   a directory \`worldsmith generate\` wrote
  --out FILE    where to write the plan (default DIR/plan.json)
  --seed N      seed for the looks of characters the world's spec does not name (default: the world's)
  --json        print {"plan", "explanation", "notes"} as JSON

Example:
  worldsmith plan "wide establishing shot of the valley at dawn; follow the knight along the river to the tower; close-up as she opens the door" --world out/valley`,
  async run(args, io) {
    const { values, positionals } = parseFlags('plan', args, { world: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('plan needs a storyboard in quotes. See `worldsmith plan --help`.', 'plan');
    if (!values.world) throw new UsageError('plan needs --world DIR (a directory `worldsmith generate` wrote).', 'plan');
    const seed = integerFlag('plan', 'seed', values.seed, 0, 4294967295);
    const { world } = await readWorldDirectory(values.world, 'plan', { glb: false, signal: io.signal });
    const { plan: draft, explanation } = interpretStoryboard(positionals.join(' '), world, { seed });
    const { plan, notes } = await settleFraming(draft, world);
    const out = values.out ?? join(values.world, 'plan.json');
    await writeFilesAtomically([{ path: out, data: `${JSON.stringify(plan, null, 2)}\n` }], io.signal);
    if (values.json) {
      io.out(`${JSON.stringify({ out, plan, explanation, notes }, null, 2)}\n`);
      return 0;
    }
    const seconds = plan.shots.reduce((s, shot) => s + shot.durationSeconds, 0);
    io.out(`${out}  ${plan.shots.length} shots, ${seconds.toFixed(1)} s, ${plan.characters.length} characters\n\n${formatStoryboardExplanation(explanation)}\n`);
    for (const note of notes) io.out(`framing: ${note}\n`);
    io.out(`\nFilm it: worldsmith cutscene ${out} --world ${values.world} --out ${join(values.world, 'cutscene')}\n`);
    return 0;
  },
};
