/** Every material family, in the order the contact sheet and the error messages list them. */
import type { MaterialFamily } from '../material-family.ts';
import { bark } from './bark.ts';
import { bricks } from './bricks.ts';
import { cliffFace } from './cliff-face.ts';
import { cobblestone } from './cobblestone.ts';
import { dirt } from './dirt.ts';
import { forestFloor } from './forest-floor.ts';
import { grass } from './grass.ts';
import { ice } from './ice.ts';
import { lava } from './lava.ts';
import { metal } from './metal.ts';
import { moss } from './moss.ts';
import { mud } from './mud.ts';
import { plaster } from './plaster.ts';
import { rock } from './rock.ts';
import { roofTiles } from './roof-tiles.ts';
import { sand } from './sand.ts';
import { snow } from './snow.ts';
import { woodPlanks } from './wood-planks.ts';

export const MATERIAL_FAMILIES: readonly MaterialFamily[] = [
  grass,
  moss,
  forestFloor,
  dirt,
  mud,
  sand,
  snow,
  ice,
  rock,
  cliffFace,
  cobblestone,
  bricks,
  roofTiles,
  woodPlanks,
  bark,
  plaster,
  metal,
  lava,
];

export function findFamily(id: string): MaterialFamily | undefined {
  return MATERIAL_FAMILIES.find((f) => f.id === id);
}
