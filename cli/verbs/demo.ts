import { formatExplanation, interpretPrompt } from '../../generators/interpret/index.ts';
import { generateToDirectory } from '../generate-to-directory.ts';
import { parseFlags } from '../parse-flags.ts';
import type { Verb } from './verb.ts';

export const DEMO_PROMPT = 'a misty pine valley with a river and a ruined watchtower at dawn';
export const DEMO_SEED = 1;

export const demoVerb: Verb = {
  name: 'demo',
  summary: 'Make the sample world and explain it',
  help: `Usage: worldsmith demo [--out DIR]

Interprets "${DEMO_PROMPT}" (seed ${DEMO_SEED}), prints what the words set, makes the world and
writes it like \`generate\` does (default DIR: out/demo). Look at DIR/view.png and
DIR/relief.png, or open DIR/world.glb in any glTF viewer.

Example:
  worldsmith demo --out out/demo`,
  async run(args, io) {
    const { values } = parseFlags('demo', args, { out: { type: 'string' } });
    const outDir = values.out ?? 'out/demo';
    const { spec, explanation } = interpretPrompt(DEMO_PROMPT, { seed: DEMO_SEED });
    io.out(`Prompt: "${DEMO_PROMPT}" (seed ${DEMO_SEED})\n\n${formatExplanation(explanation)}\n\n`);
    await generateToDirectory({ spec, outDir, explanation, preview: true, json: false }, io);
    io.out(
      `\nLook at ${outDir}/view.png and ${outDir}/relief.png, or open ${outDir}/world.glb in a glTF viewer (e.g. https://gltf-viewer.donmccurdy.com).\n` +
        `Render it with Babylon.js in headless Chromium: npx worldsmith render ${outDir}/world.glb --view spawn --out ${outDir}/spawn.png\n` +
        `Film it (a few minutes on a CPU): npx worldsmith plan "aerial fly-over of the valley; orbit around the tower at sunset" --world ${outDir} && ` +
        `npx worldsmith cutscene ${outDir}/plan.json --world ${outDir} --out ${outDir}/cutscene --size 640x360\n` +
        `Edit, film and walk it in the editor: npx worldsmith serve --world ${outDir}/spec.json, then open http://127.0.0.1:2567/ (the Play tab, or /play, streams it live; the shipped world model draws its own valley)\n`,
    );
    return 0;
  },
};
