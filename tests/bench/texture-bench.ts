/**
 * The texture lab: a full 1024² set from a description — every map, material.json and the preview
 * sheet, encoded as PNG by sharp — split into generation (pure TypeScript: the family's layers,
 * modifiers, normals, occlusion, packing, the preview's pixels) and encoding (sharp, concurrently on
 * libuv's threads). The encoding alone is the floor: any set must at least be encoded.
 * Then the generation time of every family at 1024², plain.
 */
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { describeMaterial } from '../../generators/textures/describe-material.ts';
import { MATERIAL_FAMILIES } from '../../generators/textures/families/index.ts';
import type { ImageEncoder } from '../../generators/textures/image-encoder.ts';
import { plainRecipe } from '../../generators/textures/material-recipe.ts';
import { makeTextureSetFiles } from '../../generators/textures/texture-set-files.ts';
import { makeTextureSet } from '../../generators/textures/texture-set.ts';
import { machine, median, table } from './bench-report.ts';

const SIZE = 1024;
const DESCRIPTIONS = ['red bricks', 'old mossy cobblestone', 'rusty painted metal', 'forest floor'];

export async function benchTextures(runs: number, log: (line: string) => void): Promise<string> {
  const rows: Array<Array<string | number>> = [];
  for (const text of DESCRIPTIONS) {
    const totals: number[] = [];
    const generation: number[] = [];
    const encoding: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs + 1; run++) {
      let encodeMs = 0;
      // Time spent inside sharp: the encoder wrapped, its calls overlapping, measured from the first
      // call's start to the last call's end.
      let first = Infinity;
      let last = 0;
      const timed: ImageEncoder = async (image, format, options) => {
        first = Math.min(first, performance.now());
        const out = await encodeImageWithSharp(image, format, options);
        last = Math.max(last, performance.now());
        return out;
      };
      const start = performance.now();
      const description = describeMaterial(text);
      const set = makeTextureSet(description.recipe, { size: SIZE, seed: 1 });
      const made = performance.now();
      const { files } = await makeTextureSetFiles(set, { format: 'png', encode: timed, description: { text, explanation: description } });
      const end = performance.now();
      encodeMs = last - first;
      bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
      if (run === 0) continue; // warm-up
      totals.push(end - start);
      generation.push(made - start + (end - made - encodeMs));
      encoding.push(encodeMs);
    }
    const total = median(totals);
    const gen = median(generation);
    const enc = median(encoding);
    log(`textures "${text}": ${Math.round(total)} ms (generation ${Math.round(gen)}, encoding ${Math.round(enc)})`);
    rows.push([`"${text}"`, `**${Math.round(total)}**`, Math.round(gen), `${Math.round((100 * gen) / total)}%`, Math.round(enc), `${Math.round((100 * enc) / total)}%`, `${(total / enc).toFixed(1)}×`, `${(bytes / 2 ** 20).toFixed(1)} MiB`]);
  }
  const familyRows: Array<Array<string | number>> = [];
  for (const family of MATERIAL_FAMILIES) {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      makeTextureSet(plainRecipe(family.id), { size: SIZE, seed: run + 1 });
      times.push(performance.now() - t);
    }
    familyRows.push([family.id, Math.round(median(times))]);
  }
  return `## Texture lab: a full 1024² PBR set from a description

Every map (base colour, normal, roughness, occlusion, height, ORM, metallic or emissive where the
family has them) as PNG, material.json and the preview sheet. Generation is the pure TypeScript
part; encoding is sharp's (PNG, maps encoded concurrently) and is the floor. Median of ${runs} runs
after a warm-up, on ${machine()}. Target: ≤ 1 s.

${table(['description', 'total ms', 'generation ms', 'share', 'encoding ms (floor)', 'share', 'ratio to floor', 'files'], rows)}

Generation alone, per family, plain, 1024² (median of 3 seeds):

${table(['family', 'ms'], familyRows)}
`;
}
