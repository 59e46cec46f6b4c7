import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeImageWithSharp } from '../../engine-bridge/images/sharp-image-encoder.ts';
import { seedFromText } from '../../generators/seed/derive-seed.ts';
import { describeMaterial } from '../../generators/textures/describe-material.ts';
import { IMAGE_FORMATS, type ImageFormat } from '../../generators/textures/image-encoder.ts';
import { TextureError } from '../../generators/textures/texture-error.ts';
import { makeTextureSetFiles } from '../../generators/textures/texture-set-files.ts';
import { makeTextureSet } from '../../generators/textures/texture-set.ts';
import { formatBytes, formatMs } from '../progress-reporter.ts';
import { integerFlag, parseFlags } from '../parse-flags.ts';
import { UsageError } from '../usage-error.ts';
import { writeFilesAtomically } from '../write-atomic.ts';
import type { Verb } from './verb.ts';

export const TEXTURE_SIZES = [512, 1024, 2048] as const;

export const textureVerb: Verb = {
  name: 'texture',
  summary: 'Make a tileable PBR texture set from a description',
  help: `Usage: worldsmith texture "<description>" --out DIR [--size 512|1024|2048] [--seed N] [--format png|webp|jpeg] [--json]

Writes, atomically (nothing half-written is ever left), a seamless PBR set:
  DIR/basecolor.<ext>  colour (sRGB)
  DIR/normal.<ext>     tangent-space normals, OpenGL convention as glTF uses (+Y up: green up)
  DIR/roughness.<ext>  DIR/ao.<ext>  DIR/height.<ext>
  DIR/orm.<ext>        packed occlusion (R), roughness (G), metallic (B), as glTF expects
  DIR/metallic.<ext>   metals only;  DIR/emissive.<ext>  lava only
  DIR/material.json    what the set is, every word's effect, and how to wire it into glTF
  DIR/preview.png      the maps side by side and a 3×3 tiled, lit view (seams would show)
Same description, size and seed give byte-identical files.

Families: grass, moss, forest floor, dirt, mud, sand, snow, ice, rock, cliff face, cobblestone,
bricks, roof tiles, wood planks, bark, plaster, metal, lava. Words that change them: colours,
dark/light, large/small, wet, mossy, cracked, weathered (old), polished, rusty, painted, with
"very" / "slightly" / "not".

Options:
  --out DIR       output directory (created if missing)
  --size N        512, 1024 (default) or 2048 pixels
  --seed N        0 to 4294967295 (default: a hash of the description)
  --format F      png (default), webp or jpeg for the maps (preview.png is always PNG)
  --json          print material.json to stdout instead of a summary

Examples:
  worldsmith texture "old mossy red bricks" --out out/bricks
  worldsmith texture "very wet dark cobblestone" --size 2048 --seed 7 --format webp --out out/cobbles`,
  async run(args, io) {
    const { values, positionals } = parseFlags('texture', args, {
      out: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.out) throw new UsageError('texture needs --out DIR. See `worldsmith texture --help`.', 'texture');
    if (positionals.length === 0) throw new UsageError('texture needs a description in quotes, e.g. "old mossy red bricks".', 'texture');
    const size = values.size === undefined ? 1024 : Number(values.size);
    if (!(TEXTURE_SIZES as readonly number[]).includes(size)) {
      throw new TextureError('TEXTURE_SIZE', `--size must be one of ${TEXTURE_SIZES.join(', ')} (got "${values.size}"). Sizes are powers of two so engines can build mipmaps.`);
    }
    const format = (values.format ?? 'png').toLowerCase().replace(/^jpg$/, 'jpeg') as ImageFormat;
    if (!IMAGE_FORMATS.includes(format)) {
      throw new TextureError('TEXTURE_FORMAT', `--format must be one of ${IMAGE_FORMATS.join(', ')} (got "${values.format}").`);
    }
    const text = positionals.join(' ');
    const seed = integerFlag('texture', 'seed', values.seed, 0, 4294967295) ?? seedFromText(text.trim().toLowerCase());
    const existing = await stat(values.out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a directory. Pick a directory name.`, 'texture');

    const start = performance.now();
    const explanation = describeMaterial(text);
    const set = makeTextureSet(explanation.recipe, { size, seed });
    io.signal.throwIfAborted();
    const { files, material } = await makeTextureSetFiles(set, { format, encode: encodeImageWithSharp, description: { text, explanation } });
    await writeFilesAtomically(
      files.map((f) => ({ path: join(values.out!, f.name), data: f.bytes })),
      io.signal,
    );
    if (values.json) {
      io.out(`${JSON.stringify(material, null, 2)}\n`);
      return 0;
    }
    const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
    const words = explanation.used.map((u) => `${u.words} → ${u.meaning}`).join('; ');
    io.out(
      `${material.name}: ${set.family.id}, ${size}×${size}, seed ${seed}, one tile = ${set.tileMetres} m\n` +
        `  words: ${words}\n` +
        (explanation.unused.length ? `  not used: ${explanation.unused.join(', ')}\n` : '') +
        explanation.notes.map((n) => `  note: ${n}\n`).join('') +
        `  wrote ${files.length} files (${formatBytes(bytes)}) to ${values.out} in ${formatMs(performance.now() - start)}\n`,
    );
    return 0;
  },
};
