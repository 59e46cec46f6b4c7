/**
 * WorldSpec: what to make. The one contract between the interpreter, the generators, the editor,
 * the HTTP API and the stream. Plain, versioned JSON.
 *
 * This file holds the *canonical* schema: every field present, each with its default. The schema
 * users write against (every field with a default optional) is derived from it in
 * `input-schema.ts`, so the two can never drift apart. Bump `WORLD_SPEC_VERSION` on any change
 * that alters the meaning of an existing field.
 */
import { Type, type Static, type TNumber, type TOptional, type TSchema, type TString } from '@sinclair/typebox';
import { MAX_SEED } from '../seed/derive-seed.ts';

export const WORLD_SPEC_VERSION = 1;

export const BIOMES = [
  'temperate-forest',
  'taiga',
  'jungle',
  'desert',
  'savanna',
  'tundra',
  'swamp',
  'mountains',
  'canyon',
  'coast',
  'volcanic',
  'grassland',
] as const;
export type Biome = (typeof BIOMES)[number];

export const LANDFORMS = [
  'open',
  'plain',
  'island',
  'archipelago',
  'coast',
  'valley',
  'canyon',
  'basin',
  'mountain',
  'plateau',
] as const;
export type Landform = (typeof LANDFORMS)[number];

export const TERRAIN_FEATURES = ['volcano', 'dunes', 'terraces', 'mesas'] as const;
export type TerrainFeature = (typeof TERRAIN_FEATURES)[number];

export const TREE_KINDS = ['broadleaf', 'conifer', 'birch', 'maple', 'palm', 'acacia', 'twisted', 'dead'] as const;
export type TreeKind = (typeof TREE_KINDS)[number];

export const STRUCTURE_TYPES = [
  'ruins',
  'tower',
  'castle',
  'fortress',
  'village',
  'house',
  'farmhouse',
  'bridge',
  'temple',
  'chapel',
  'lighthouse',
  'pier',
  'standing-stones',
  'wall',
  'windmill',
] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

export const STRUCTURE_CONDITIONS = ['intact', 'weathered', 'ruined'] as const;
export const STRUCTURE_MATERIALS = ['auto', 'stone', 'wood', 'sandstone', 'brick', 'rope'] as const;
export const STRUCTURE_PLACEMENTS = [
  'auto',
  'ridge',
  'peak',
  'valley',
  'river',
  'lake',
  'coast',
  'water-crossing',
  'hidden',
  'centre',
] as const;

export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export const WEATHER_KINDS = ['clear', 'cloudy', 'overcast', 'fog', 'rain', 'snow', 'storm', 'sandstorm'] as const;
export const MOODS = [
  'neutral',
  'serene',
  'warm',
  'cold',
  'gloomy',
  'eerie',
  'vibrant',
  'desolate',
  'golden',
  'mystical',
  'burnt',
] as const;
export const PALETTE_TARGETS = ['grass', 'foliage', 'sand', 'rock', 'soil', 'snow', 'water'] as const;
export type PaletteTarget = (typeof PALETTE_TARGETS)[number];

export const CHARACTER_ARCHETYPES = [
  'wanderer',
  'knight',
  'explorer',
  'keeper',
  'villager',
  'monk',
  'hunter',
  'merchant',
  'soldier',
  'child',
  'wizard',
] as const;
export const POI_KINDS = ['structure', 'summit', 'lake', 'river', 'waterfall', 'viewpoint', 'crater', 'oasis', 'custom'] as const;

/** A string field limited to a list of values (JSON Schema `anyOf` of `const`s). */
function oneOf<const T extends readonly string[]>(values: T, options: { default?: T[number]; description: string }) {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TSchema & { static: T[number] };
}

function fraction(defaultValue: number, description: string) {
  return Type.Number({ minimum: 0, maximum: 1, default: defaultValue, description });
}

/**
 * How much of a kind of cover (trees, grass, rocks…): a level from 0 (none) to 1 (as dense as it
 * grows), or "auto" — each biome's natural amount, where that biome is.
 */
function coverLevel(description: string) {
  return Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Literal('auto')], {
    default: 'auto',
    description: `${description} 0 none, 1 as dense as it grows; "auto": natural for each biome, where that biome is.`,
  }) as unknown as TSchema & { static: number | 'auto' };
}

const HexColor = Type.String({
  pattern: '^#[0-9a-fA-F]{6}$',
  description: 'An sRGB colour as #rrggbb.',
});

const Position = Type.Object(
  {
    x: Type.Number({ description: 'Metres east of the world centre (negative: west).' }),
    z: Type.Number({ description: 'Metres south of the world centre (negative: north).' }),
  },
  { additionalProperties: false, description: 'A point on the ground, in metres from the world centre.' },
);

const Id = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,31}$',
  description: 'Lower-case letters, digits and dashes, starting with a letter; unique in its list.',
});

export const SizeSchema = Type.Object(
  {
    width: Type.Number({ minimum: 16, maximum: 8192, default: 512, description: 'East–west extent, metres.' }),
    depth: Type.Number({ minimum: 16, maximum: 8192, default: 512, description: 'North–south extent, metres.' }),
    cellSize: Type.Number({
      minimum: 0.25,
      maximum: 16,
      default: 1,
      description: 'Metres between height samples. At most 4097 samples per side.',
    }),
  },
  { additionalProperties: false, default: {}, description: 'The world is a rectangle centred on the origin, Y up.' },
);

export const TerrainSchema = Type.Object(
  {
    landform: oneOf(LANDFORMS, {
      default: 'open',
      description:
        'Large-scale shape: open country, a plain, an island, an archipelago, a coast, a valley, a canyon, a basin ringed by mountains, a central mountain or a plateau.',
    }),
    features: Type.Array(oneOf(TERRAIN_FEATURES, { description: 'A terrain feature.' }), {
      uniqueItems: true,
      maxItems: TERRAIN_FEATURES.length,
      default: [],
      description: 'Shapes stamped onto the terrain: a volcano with a crater, sand dunes, terraced slopes, flat-topped mesas.',
    }),
    maxHeight: Type.Number({ minimum: 1, maximum: 3000, default: 120, description: 'Highest possible elevation, metres.' }),
    relief: fraction(0.5, 'How much of maxHeight the hills use: 0 flat, 0.5 hilly, 1 mountainous.'),
    roughness: fraction(0.5, 'Small-scale detail: 0 smooth, 1 craggy.'),
    ridges: fraction(0.25, 'Share of sharp ridged noise: 0 rounded hills, 1 jagged ridgelines.'),
    plateaus: fraction(0, 'Flat-topped steps: 0 none, 1 strong terracing into a few levels.'),
    cliffs: fraction(0, 'Steepness of step edges and landform walls: 0 gentle, 1 sheer cliffs.'),
    warp: fraction(0.35, 'Domain warping: 0 regular noise, 1 strongly folded, swirling shapes.'),
    erosion: fraction(0.5, 'Hydraulic erosion: 0 none, 1 deep, branching valleys and gullies.'),
    thermalErosion: fraction(0.3, 'Thermal erosion (scree settling on steep slopes): 0 none, 1 strong.'),
  },
  { additionalProperties: false, default: {}, description: 'The character of the land.' },
);

export const WaterSchema = Type.Object(
  {
    sea: Type.Number({
      minimum: 0,
      maximum: 0.95,
      default: 0,
      description: 'Share of the map under the sea, 0 to 0.95. The sea level is chosen to flood that share.',
    }),
    rivers: Type.Integer({ minimum: 0, maximum: 8, default: 0, description: 'Rivers, traced down the largest drainage basins.' }),
    lakes: Type.Integer({ minimum: 0, maximum: 12, default: 0, description: 'Lakes, filled to their spill level.' }),
    waterfalls: Type.Integer({ minimum: 0, maximum: 4, default: 0, description: 'Waterfalls on the rivers (needs rivers ≥ 1).' }),
    frozen: Type.Boolean({ default: false, description: 'Lakes, rivers and sea are frozen over.' }),
    meander: fraction(0.5, 'How much rivers wind: 0 straight runs, 1 tight meanders.'),
  },
  { additionalProperties: false, default: {}, description: 'Water bodies.' },
);

export const BiomeMixSchema = Type.Object(
  Object.fromEntries(
    BIOMES.map((b) => [b, Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: `Weight of ${b}.` }))]),
  ) as Record<Biome, TOptional<TNumber>>,
  {
    additionalProperties: false,
    default: { 'temperate-forest': 1 },
    description:
      'Relative weights of the biomes (they need not sum to 1): each covers about its share of the land. Where each one goes follows height, slope, moisture, water and coast.',
  },
);

export const VegetationSchema = Type.Object(
  {
    trees: coverLevel('Tree cover, the same everywhere:'),
    shrubs: coverLevel('Bushes and ferns:'),
    grass: coverLevel('Grass clumps:'),
    flowers: coverLevel('Wildflowers:'),
    dead: fraction(0, 'Share of trees that are dead or burnt.'),
    treeKinds: Type.Array(oneOf(TREE_KINDS, { description: 'A tree species.' }), {
      uniqueItems: true,
      maxItems: TREE_KINDS.length,
      default: [],
      description: 'Tree species to use. Empty: chosen by biome.',
    }),
  },
  { additionalProperties: false, default: {}, description: 'Plant cover.' },
);

export const RocksSchema = Type.Object(
  {
    density: coverLevel('Rocks and boulders:'),
    size: fraction(0.5, 'Typical rock size: 0 pebbles and stones, 1 house-sized boulders.'),
  },
  { additionalProperties: false, default: {}, description: 'Loose rock.' },
);

export const StructureSchema = Type.Object(
  {
    type: oneOf(STRUCTURE_TYPES, { description: 'What to build.' }),
    count: Type.Integer({ minimum: 1, maximum: 64, default: 1, description: 'How many.' }),
    condition: oneOf(STRUCTURE_CONDITIONS, { default: 'intact', description: 'Intact, weathered or ruined.' }),
    material: oneOf(STRUCTURE_MATERIALS, { default: 'auto', description: 'Building material; auto picks one by type and biome.' }),
    placement: oneOf(STRUCTURE_PLACEMENTS, {
      default: 'auto',
      description: 'Where to put it: on a ridge or peak, in a valley, by a river, lake or coast, across water, hidden, or at the centre.',
    }),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);

export const TimeSchema = Type.Object(
  {
    hour: Type.Number({ minimum: 0, maximum: 24, default: 13, description: 'Local solar time, 0–24 (6 dawn, 12 noon, 18.5 sunset).' }),
    season: oneOf(SEASONS, { default: 'summer', description: 'Season: foliage colour, snow line, sun height.' }),
    moon: fraction(0.5, 'Moon brightness at night: 0 new moon, 1 full moon.'),
  },
  { additionalProperties: false, default: {}, description: 'When.' },
);

export const WeatherSchema = Type.Object(
  {
    kind: oneOf(WEATHER_KINDS, { default: 'clear', description: 'The weather.' }),
    intensity: fraction(0.5, 'How strong the weather is: light rain 0.25, heavy snowfall 0.85.'),
    fog: fraction(0, 'Fog density: 0 none, 0.35 mist, 0.8 thick fog.'),
    wind: fraction(0.3, 'Wind strength.'),
    clouds: fraction(0.2, 'Cloud cover.'),
  },
  { additionalProperties: false, default: {}, description: 'Weather and atmosphere.' },
);

export const PaletteSchema = Type.Object(
  {
    mood: oneOf(MOODS, { default: 'neutral', description: 'Overall colour mood.' }),
    saturation: Type.Number({ minimum: 0, maximum: 2, default: 1, description: 'Colour saturation multiplier.' }),
    brightness: Type.Number({ minimum: 0, maximum: 2, default: 1, description: 'Brightness multiplier.' }),
    warmth: Type.Number({ minimum: -1, maximum: 1, default: 0, description: 'Colour temperature shift: -1 cold blue, 1 warm orange.' }),
    colors: Type.Object(
      Object.fromEntries(PALETTE_TARGETS.map((t) => [t, Type.Optional(HexColor)])) as Record<PaletteTarget, TOptional<TString>>,
      {
        additionalProperties: false,
        default: {},
        description: 'Colour overrides per surface, e.g. {"sand": "#1c1c1e"} for black sand.',
      },
    ),
  },
  { additionalProperties: false, default: {}, description: 'Look and mood.' },
);

export const CharacterSchema = Type.Object(
  {
    id: Id,
    archetype: oneOf(CHARACTER_ARCHETYPES, { default: 'wanderer', description: 'Who they are; sets clothing and build.' }),
    identitySeed: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_SEED, description: 'Seed of their looks. Absent: derived from the world seed and id.' }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A display name.' })),
  },
  { additionalProperties: false },
);

export const PointOfInterestSchema = Type.Object(
  {
    id: Id,
    kind: oneOf(POI_KINDS, { default: 'custom', description: 'What is there.' }),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 80, description: 'A label for maps and editors.' })),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);

export const GameplaySchema = Type.Object(
  {
    spawn: Type.Optional(Position),
    pointsOfInterest: Type.Array(PointOfInterestSchema, {
      maxItems: 64,
      default: [],
      description: 'Places the level is about. Structures and notable water are added automatically.',
    }),
    paths: Type.Boolean({ default: true, description: 'Walkable paths between spawn and points of interest.' }),
  },
  { additionalProperties: false, default: {}, description: 'What a game needs to play the world.' },
);

export const WorldSpecSchema = Type.Object(
  {
    version: Type.Literal(WORLD_SPEC_VERSION, { default: WORLD_SPEC_VERSION, description: 'Version of this contract.' }),
    seed: Type.Integer({ minimum: 0, maximum: MAX_SEED, description: 'The world seed. Same spec and seed: same bytes.' }),
    prompt: Type.String({ maxLength: 2000, default: '', description: 'The sentence the spec came from, if any (informative only).' }),
    size: SizeSchema,
    terrain: TerrainSchema,
    water: WaterSchema,
    biomes: BiomeMixSchema,
    vegetation: VegetationSchema,
    rocks: RocksSchema,
    structures: Type.Array(StructureSchema, { maxItems: 32, default: [], description: 'Buildings and ruins.' }),
    time: TimeSchema,
    weather: WeatherSchema,
    palette: PaletteSchema,
    characters: Type.Array(CharacterSchema, { maxItems: 16, default: [], description: 'People who appear in cutscenes.' }),
    gameplay: GameplaySchema,
  },
  {
    $id: 'https://worldsmith.dev/schema/world-spec/v1.json',
    title: 'WorldSpec',
    description: 'What Worldsmith should make. Every field but seed has a default.',
    additionalProperties: false,
  },
);

/** A complete, validated WorldSpec: every field present. */
export type WorldSpec = Static<typeof WorldSpecSchema>;
export type StructureSpec = WorldSpec['structures'][number];
export type CharacterSpec = WorldSpec['characters'][number];
export type PointOfInterestSpec = WorldSpec['gameplay']['pointsOfInterest'][number];
export type BiomeMix = WorldSpec['biomes'];
/** A cover level: 0..1, or "auto" for each biome's natural amount. */
export type CoverLevel = number | 'auto';
