import { BIOME_TABLE } from '../../generators/biomes/biome-table.ts';
/**
 * Coverage of each domain of the lexicon: every word the brief names reads as its concept.
 */
import { describe, expect, it } from 'vitest';
import { dominantBiome, luminance, read, rgb, unusedWords, level } from './read-prompt.ts';

describe('biomes', () => {
  const biomeWords: Record<string, string[]> = {
    'temperate-forest': ['forest', 'woods', 'woodland', 'broadleaf', 'oak', 'maple', 'birch', 'beech trees'],
    taiga: ['taiga', 'pine', 'conifer', 'boreal', 'spruce', 'fir', 'pine forest'],
    jungle: ['jungle', 'rainforest', 'tropical'],
    desert: ['desert', 'dunes', 'sand sea', 'erg', 'salt flat', 'salt desert', 'oasis'],
    savanna: ['savanna', 'savannah', 'acacia'],
    tundra: ['tundra', 'snowfield', 'permafrost', 'arctic', 'polar', 'frozen plain'],
    swamp: ['swamp', 'marsh', 'bog', 'fen', 'mire', 'wetland', 'bayou'],
    mountains: ['mountains', 'alpine', 'peaks', 'highlands', 'range'],
    canyon: ['canyon', 'mesa', 'mesas', 'badlands', 'gorge', 'ravine', 'sandstone'],
    coast: ['coast', 'beach', 'shore', 'coastal', 'cove', 'bay'],
    volcanic: ['volcanic', 'volcano', 'lava', 'crater', 'basalt', 'ash'],
    grassland: ['grassland', 'meadow', 'prairie', 'plains', 'steppe', 'field', 'pasture', 'moor', 'heath'],
  };
  for (const [biome, words] of Object.entries(biomeWords)) {
    it.each(words)(`"%s" → ${biome}`, (word) => {
      const i = read(`a ${word}`);
      expect(dominantBiome(i.spec)).toBe(biome);
      expect(unusedWords(i)).toEqual([]);
    });
  }

  it('a biome noun before another biome noun weighs as an adjective: a "desert canyon" is a canyon', () => {
    expect(read('a desert canyon').spec.biomes).toEqual({ canyon: 1, desert: 0.5 });
    expect(read('a swamp forest').spec.biomes).toEqual({ 'temperate-forest': 1, swamp: 0.5 });
  });

  it('accumulates weights: nouns 1, adjectives 0.5, scaled so the largest is 1', () => {
    expect(read('a volcanic island with beaches and a crater').spec.biomes).toEqual({ volcanic: 1, coast: 0.67 });
    expect(read('alpine meadow').spec.biomes).toEqual({ grassland: 1, mountains: 0.5 });
  });
});

describe('relief and landform', () => {
  it.each([
    ['flat', (s) => s.terrain.relief < 0.15],
    ['rolling', (s) => s.terrain.relief > 0.25 && s.terrain.relief < 0.45],
    ['hilly', (s) => s.terrain.relief >= 0.5],
    ['hills', (s) => s.terrain.relief === 0.5],
    ['rugged', (s) => s.terrain.roughness >= 0.7],
    ['craggy', (s) => s.terrain.roughness >= 0.8],
    ['jagged', (s) => s.terrain.ridges >= 0.8],
    ['steep', (s) => s.terrain.cliffs >= 0.6],
    ['cliffs', (s) => s.terrain.cliffs >= 0.8],
    ['valley', (s) => s.terrain.landform === 'valley'],
    ['plateau', (s) => s.terrain.landform === 'plateau' && s.terrain.plateaus >= 0.6],
    ['plain', (s) => s.terrain.landform === 'plain'],
    ['island', (s) => s.terrain.landform === 'island'],
    ['islands', (s) => s.terrain.landform === 'archipelago'],
    ['archipelago', (s) => s.terrain.landform === 'archipelago'],
    ['coast', (s) => s.terrain.landform === 'coast'],
    ['canyon', (s) => s.terrain.landform === 'canyon'],
    ['gorge', (s) => s.terrain.landform === 'canyon'],
    ['basin', (s) => s.terrain.landform === 'basin'],
    ['mountain', (s) => s.terrain.landform === 'mountain'],
    ['open country', (s) => s.terrain.landform === 'open'],
    ['distant mountains', (s) => s.terrain.landform === 'basin' && (s.biomes.mountains ?? 0) > 0],
    ['valley surrounded by mountains', (s) => s.terrain.landform === 'basin'],
    ['terraced hills', (s) => s.terrain.features.includes('terraces')],
    ['dunes', (s) => s.terrain.features.includes('dunes')],
    ['mesas', (s) => s.terrain.features.includes('mesas') && s.terrain.plateaus >= 0.5],
    ['volcano', (s) => s.terrain.features.includes('volcano')],
    ['crater', (s) => s.terrain.features.includes('volcano')],
  ] as Array<[string, (s: ReturnType<typeof read>['spec']) => boolean]>)('"%s"', (words, check) => {
    expect(check(read(words).spec)).toBe(true);
  });

  it('mountains are high, ridged and steep; a swamp is flat', () => {
    const mountains = read('mountains').spec.terrain;
    expect(mountains.relief).toBeCloseTo(0.85);
    expect(mountains.ridges).toBeCloseTo(0.6);
    expect(mountains.maxHeight).toBe(300);
    expect(read('a swamp').spec.terrain.relief).toBeLessThan(0.1);
  });
});

describe('water', () => {
  it.each([
    ['a river', (s) => s.water.rivers >= 1],
    ['a stream', (s) => s.water.rivers >= 1],
    ['a creek', (s) => s.water.rivers >= 1],
    ['two rivers', (s) => s.water.rivers === 2],
    ['a lake', (s) => s.water.lakes >= 1],
    ['a pond', (s) => s.water.lakes >= 1],
    ['pools', (s) => s.water.lakes >= 2],
    ['a pool', (s) => s.water.lakes === 1],
    ['the sea', (s) => s.water.sea > 0],
    ['an ocean', (s) => s.water.sea > 0],
    ['a bay', (s) => s.water.sea > 0 && s.terrain.landform === 'coast'],
    ['a waterfall', (s) => s.water.waterfalls === 1 && s.water.rivers >= 1],
    ['falls', (s) => s.water.waterfalls === 1 && s.water.rivers >= 1],
    ['a frozen lake', (s) => s.water.frozen && s.water.lakes === 1],
    ['an icy river', (s) => s.water.frozen],
    ['a dry canyon', (s) => s.water.rivers === 0],
    ['a dry canyon with a bridge', (s) => s.water.rivers === 0 && s.structures[0].type === 'bridge'],
    ['no water', (s) => s.water.rivers === 0 && s.water.lakes === 0 && s.water.sea === 0 && s.water.waterfalls === 0],
    ['a winding river', (s) => s.water.meander >= 0.8],
    ['a meandering stream', (s) => s.water.meander >= 0.8],
    ['a straight river', (s) => s.water.meander <= 0.2],
  ] as Array<[string, (s: ReturnType<typeof read>['spec']) => boolean]>)('"%s"', (words, check) => {
    expect(check(read(words).spec)).toBe(true);
  });

  it.each([
    ['an island', 0.5],
    ['an archipelago', 0.65],
    ['a coast', 0.35],
  ])('%s puts that share under the sea', (words, sea) => {
    expect(read(words).spec.water.sea).toBeCloseTo(sea);
  });
});

describe('vegetation', () => {
  it.each([
    ['trees', (s) => level(s.vegetation.trees) >= 0.3],
    ['a forest', (s) => level(s.vegetation.trees) >= 0.7],
    ['woods', (s) => level(s.vegetation.trees) >= 0.7],
    ['bushes', (s) => level(s.vegetation.shrubs) >= 0.3],
    ['shrubs', (s) => level(s.vegetation.shrubs) >= 0.3],
    ['ferns', (s) => level(s.vegetation.shrubs) >= 0.4],
    ['grass', (s) => level(s.vegetation.grass) >= 0.4],
    ['wildflowers', (s) => level(s.vegetation.flowers) >= 0.5],
    ['flowers', (s) => level(s.vegetation.flowers) >= 0.5],
    ['dead trees', (s) => s.vegetation.dead >= 0.8 && s.vegetation.treeKinds.includes('dead')],
    ['a burnt forest', (s) => s.vegetation.dead >= 0.7 && s.palette.mood === 'burnt'],
    ['barren hills', (s) => level(s.vegetation.trees) <= 0.05 && level(s.vegetation.grass) <= 0.05],
    ['treeless hills', (s) => s.vegetation.trees === 0],
    ['no vegetation', (s) => [s.vegetation.trees, s.vegetation.shrubs, s.vegetation.grass, s.vegetation.flowers].every((v) => v === 0)],
  ] as Array<[string, (s: ReturnType<typeof read>['spec']) => boolean]>)('"%s"', (words, check) => {
    expect(check(read(words).spec)).toBe(true);
  });

  it.each([
    ['pine trees', 'conifer'],
    ['conifers', 'conifer'],
    ['spruce', 'conifer'],
    ['birch trees', 'birch'],
    ['maples', 'maple'],
    ['palm trees', 'palm'],
    ['acacia trees', 'acacia'],
    ['twisted trees', 'twisted'],
    ['dead trees', 'dead'],
    ['oaks', 'broadleaf'],
    ['broadleaf trees', 'broadleaf'],
  ])('"%s" → tree kind %s', (words, kind) => {
    expect(read(words).spec.vegetation.treeKinds).toContain(kind);
  });

  it('densities: untouched cover stays "auto" (each biome\'s natural amount); the natural amounts differ by biome', () => {
    const desert = read('a desert');
    expect(desert.spec.vegetation.trees).toBe('auto');
    expect(desert.explanation.implied.find((i) => i.path === '/vegetation/trees')).toEqual({
      path: '/vegetation/trees',
      value: 'auto',
      because: 'natural for each biome (desert is the main biome: 0.05)',
    });
    expect(BIOME_TABLE.desert.cover.trees).toBeLessThan(BIOME_TABLE.savanna.cover.trees);
    expect(BIOME_TABLE.savanna.cover.trees).toBeLessThan(BIOME_TABLE.jungle.cover.trees);
    expect(BIOME_TABLE.savanna.cover.grass).toBeGreaterThanOrEqual(0.8);
    expect(read('a savanna').spec.vegetation.treeKinds).toEqual(['acacia']);
    expect(read('a dense jungle').spec.vegetation.trees).toBeGreaterThan(BIOME_TABLE.jungle.cover.trees);
  });
});

describe('structures', () => {
  it.each([
    ['ruins', 'ruins'],
    ['a ruin', 'ruins'],
    ['a tower', 'tower'],
    ['a watchtower', 'tower'],
    ['a castle', 'castle'],
    ['a fortress', 'fortress'],
    ['a fort', 'fortress'],
    ['a citadel', 'fortress'],
    ['a village', 'village'],
    ['a hamlet', 'village'],
    ['a town', 'village'],
    ['a house', 'house'],
    ['a cottage', 'house'],
    ['a hut', 'house'],
    ['a cabin', 'house'],
    ['a farmhouse', 'farmhouse'],
    ['a farm', 'farmhouse'],
    ['a barn', 'farmhouse'],
    ['a bridge', 'bridge'],
    ['a temple', 'temple'],
    ['a shrine', 'temple'],
    ['a chapel', 'chapel'],
    ['a church', 'chapel'],
    ['a lighthouse', 'lighthouse'],
    ['a pier', 'pier'],
    ['a jetty', 'pier'],
    ['a dock', 'pier'],
    ['standing stones', 'standing-stones'],
    ['a stone circle', 'standing-stones'],
    ['a menhir', 'standing-stones'],
    ['a wall', 'wall'],
    ['a windmill', 'windmill'],
  ])('"%s" → %s', (words, type) => {
    const { spec } = read(words);
    expect(spec.structures).toHaveLength(1);
    expect(spec.structures[0].type).toBe(type);
  });

  it.each([
    ['a ruined tower', { condition: 'ruined' }],
    ['a crumbling wall', { condition: 'ruined' }],
    ['an abandoned farm', { condition: 'ruined' }],
    ['an old chapel', { condition: 'weathered' }],
    ['a weathered lighthouse', { condition: 'weathered' }],
    ['a stone bridge', { material: 'stone' }],
    ['a wooden pier', { material: 'wood' }],
    ['a sandstone temple', { material: 'sandstone' }],
    ['a brick house', { material: 'brick' }],
    ['a rope bridge', { material: 'rope' }],
    ['a bridge of stone', { material: 'stone' }],
    ['a castle on a ridge', { placement: 'ridge' }],
    ['a tower on the hill', { placement: 'peak' }],
    ['a shrine at the peak', { placement: 'peak' }],
    ['a village in the valley', { placement: 'valley' }],
    ['a mill by the river', { placement: 'river' }],
    ['a hut along the river', { placement: 'river' }],
    ['a cabin on the lake', { placement: 'lake' }],
    ['a cottage by the lake', { placement: 'lake' }],
    ['a chapel by the sea', { placement: 'coast' }],
    ['a fort on the coast', { placement: 'coast' }],
    ['a bridge across the river', { placement: 'water-crossing' }],
    ['a hidden temple', { placement: 'hidden' }],
    ['a tower in the centre', { placement: 'centre' }],
  ])('"%s"', (words, expected) => {
    expect(read(words).spec.structures[0]).toMatchObject(expected);
  });

  it('an adjectival placement also binds to the structure right before it', () => {
    expect(read("a witch's hut hidden among dead trees").spec.structures[0].placement).toBe('hidden');
  });

  it('binds each placement to the nearest structure in its clause', () => {
    const { spec } = read('a castle on a ridge and a hut in the valley, a hidden shrine');
    expect(spec.structures.map((s) => [s.type, s.placement])).toEqual([
      ['castle', 'ridge'],
      ['house', 'valley'],
      ['temple', 'hidden'],
    ]);
  });

  it.each([
    ['two towers', 2],
    ['3 bridges', 3],
    ['a few huts', 3],
    ['several cottages', 4],
    ['many houses', 6],
    ['twelve windmills', 12],
    ['huts', 3],
    ['a lone tower', 1],
    ['ruins', 1],
  ])('"%s" → count %i', (words, count) => {
    expect(read(words).spec.structures[0].count).toBe(count);
  });

  it('a bridge implies water to cross; a lighthouse the sea; a pier the water it stands in', () => {
    expect(read('a stone bridge').spec.water.rivers).toBe(1);
    expect(read('a lighthouse').spec.water.sea).toBeGreaterThan(0);
    expect(read('a lake with a pier').spec.structures[0].placement).toBe('lake');
    expect(read('a coast with a pier').spec.structures[0].placement).toBe('coast');
  });
});

describe('time', () => {
  it.each([
    ['dawn', 6],
    ['sunrise', 6.5],
    ['early morning', 7.5],
    ['morning', 9],
    ['noon', 12],
    ['midday', 12],
    ['afternoon', 15],
    ['golden hour', 17.5],
    ['sunset', 18.5],
    ['dusk', 19.2],
    ['twilight', 19.5],
    ['evening', 20.5],
    ['night', 23],
    ['midnight', 0],
    ['6am', 6],
    ['6 am', 6],
    ['7pm', 19],
    ['12am', 0],
    ['18:30', 18.5],
    ["9 o'clock", 9],
  ])('"a valley at %s" → hour %d', (words, hour) => {
    expect(read(`a valley at ${words}`).spec.time.hour).toBe(hour);
  });

  it.each(['spring', 'summer', 'autumn', 'winter'])('"%s"', (season) => {
    expect(read(`a forest in ${season}`).spec.time.season).toBe(season);
  });

  it('"fall" is autumn but "falls" is a waterfall', () => {
    expect(read('a forest in fall').spec.time.season).toBe('autumn');
    expect(read('the falls').spec.water.waterfalls).toBe(1);
  });

  it.each([
    ['a full moon', 1],
    ['a new moon', 0],
    ['a moonless night', 0],
  ])('"%s" → moon %d', (words, moon) => {
    const { spec } = read(words);
    expect(spec.time.moon).toBe(moon);
    expect(spec.time.hour).toBe(23);
  });

  it('ignores a time that is not one', () => {
    const { spec, explanation } = read('a valley at 25:00');
    expect(spec.time.hour).toBe(13);
    expect(explanation.matches.find((m) => m.phrase === '25:00')?.note).toMatch(/not a time of day/);
  });
});

describe('weather', () => {
  it.each([
    ['clear', 'clear'],
    ['sunny', 'clear'],
    ['cloudy', 'cloudy'],
    ['overcast', 'overcast'],
    ['under a grey sky', 'overcast'],
    ['rain', 'rain'],
    ['drizzle', 'rain'],
    ['a downpour', 'rain'],
    ['snow', 'snow'],
    ['snowfall', 'snow'],
    ['a blizzard', 'snow'],
    ['a storm', 'storm'],
    ['a thunderstorm', 'storm'],
    ['a sandstorm', 'sandstorm'],
    ['fog', 'fog'],
    ['foggy', 'fog'],
  ])('"%s" → %s', (words, kind) => {
    expect(read(words).spec.weather.kind).toBe(kind);
  });

  it('mist and haze only thin the air: the weather stays clear', () => {
    expect(read('mist').spec.weather.kind).toBe('clear');
    expect(read('a misty valley').spec.weather.kind).toBe('clear');
    expect(read('hazy hills').spec.weather.kind).toBe('clear');
  });

  it('fog density: mist < fog < thick fog; haze is light', () => {
    expect(read('mist').spec.weather.fog).toBeCloseTo(0.35);
    expect(read('misty').spec.weather.fog).toBeCloseTo(0.35);
    expect(read('fog').spec.weather.fog).toBeCloseTo(0.6);
    expect(read('thick fog').spec.weather.fog).toBeGreaterThan(0.8);
    expect(read('haze').spec.weather.fog).toBeLessThan(0.3);
  });

  it('intensity: drizzle < rain < downpour; a blizzard is windy', () => {
    const rain = (w: string) => read(w).spec.weather.intensity;
    expect(rain('drizzle')).toBeLessThan(rain('rain'));
    expect(rain('rain')).toBeLessThan(rain('downpour'));
    expect(read('a blizzard').spec.weather.wind).toBeGreaterThan(0.8);
    expect(read('windy hills').spec.weather.wind).toBeGreaterThanOrEqual(0.7);
  });
});

describe('moods and colours', () => {
  it.each([
    ['serene', 'serene'],
    ['calm', 'serene'],
    ['peaceful', 'serene'],
    ['tranquil', 'serene'],
    ['warm', 'warm'],
    ['cosy', 'warm'],
    ['cold', 'cold'],
    ['icy', 'cold'],
    ['frigid', 'cold'],
    ['gloomy', 'gloomy'],
    ['dark', 'gloomy'],
    ['bleak', 'gloomy'],
    ['grim', 'gloomy'],
    ['eerie', 'eerie'],
    ['spooky', 'eerie'],
    ['haunted', 'eerie'],
    ['mysterious', 'eerie'],
    ['vibrant', 'vibrant'],
    ['colourful', 'vibrant'],
    ['lush', 'vibrant'],
    ['desolate', 'desolate'],
    ['barren', 'desolate'],
    ['lonely', 'desolate'],
    ['abandoned', 'desolate'],
    ['golden', 'golden'],
    ['mystical', 'mystical'],
    ['magical', 'mystical'],
    ['enchanted', 'mystical'],
    ['burnt', 'burnt'],
    ['scorched', 'burnt'],
    ['charred', 'burnt'],
  ])('"a %s valley" → mood %s', (word, mood) => {
    expect(read(`a ${word} valley`).spec.palette.mood).toBe(mood);
  });

  it('binds a colour to the surface after it', () => {
    const colors = (words: string) => read(words).spec.palette.colors;
    expect(luminance(colors('black sand beaches').sand)).toBeLessThan(0.15);
    const red = rgb(colors('red sandstone mesas').rock);
    expect(red.r - red.g).toBeGreaterThan(40);
    expect(colors('golden savanna').grass).toBe('#d4a53c');
    expect(colors('grey hills').rock).toBe('#808080');
    expect(luminance(colors('a salt flat').sand)).toBeGreaterThan(0.85);
    expect(luminance(colors('salt crust').sand)).toBeGreaterThan(0.85);
    expect(colors('a turquoise lake').water).toBeDefined();
    expect(colors('brown mud').soil).toBeDefined();
    expect(colors('white snow').snow).toBe('#f2f2ee');
    expect(colors('emerald leaves').foliage).toBeDefined();
    expect(colors('crimson cliffs').rock).toBeDefined();
    expect(colors('ochre dunes').sand).toBeDefined();
  });

  it('green on hills and mountains paints their grass; on cliffs, their rock', () => {
    expect(read('green hills').spec.palette.colors).toEqual({ grass: '#4f7d36' });
    expect(read('green cliffs').spec.palette.colors).toEqual({ rock: '#4f7d36' });
    expect(read('grey hills').spec.palette.colors).toEqual({ rock: '#808080' });
  });

  it('shades a colour: dark green is darker than green', () => {
    const green = luminance(read('green grass').spec.palette.colors.grass);
    expect(luminance(read('dark green grass').spec.palette.colors.grass)).toBeLessThan(green);
    expect(luminance(read('pale green grass').spec.palette.colors.grass)).toBeGreaterThan(green);
  });

  it('a colour with no surface after it tints the palette, with a note', () => {
    const { spec, explanation } = read('a red sky over the hills');
    expect(spec.palette.warmth).toBeGreaterThan(0);
    expect(explanation.matches.find((m) => m.phrase === 'red')?.note).toMatch(/tints the whole palette/);
  });
});

describe('size and numbers', () => {
  it.each([
    ['a tiny island', 128, 1],
    ['a small valley', 256, 1],
    ['a large forest', 1024, 1],
    ['a big desert', 1024, 1],
    ['a huge plain', 2048, 2],
    ['a vast desert', 2048, 2],
    ['endless dunes', 2048, 2],
    ['a 2 km valley', 2000, 2],
    ['a 500 m island', 500, 1],
    ['a 1.5 km canyon', 1500, 2],
    ['a 2km valley', 2000, 2],
  ])('"%s" → %i m, cell %i m', (words, side, cell) => {
    const { size } = read(words).spec;
    expect(size.width).toBe(side);
    expect(size.depth).toBe(side);
    expect(size.cellSize).toBe(cell);
    expect(Math.round(side / cell) + 1).toBeLessThanOrEqual(1025);
  });

  it('size words describe the world, not the things in it', () => {
    expect(read('a small wooden village').spec.size.width).toBe(512);
    expect(read('an archipelago of small islands').spec.size.width).toBe(512);
    expect(read('a small island').spec.size.width).toBe(256);
  });

  it('clamps sizes to what WorldSpec allows, with a note', () => {
    const { spec, explanation } = read('a 20 km desert');
    expect(spec.size.width).toBe(8192);
    expect(explanation.matches.find((m) => m.phrase === '20')?.note).toMatch(/outside/);
  });

  it.each(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'])('"%s towers"', (word) => {
    const n = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].indexOf(word) + 1;
    expect(read(`${word} towers`).spec.structures[0].count).toBe(n);
  });
});

describe('characters', () => {
  it.each(['knight', 'wanderer', 'explorer', 'keeper', 'villager', 'monk', 'hunter', 'merchant', 'soldier', 'child', 'wizard'])(
    '"a %s"',
    (archetype) => {
      expect(read(`a ${archetype} in a forest`).spec.characters).toEqual([{ id: archetype, archetype }]);
    },
  );

  it('numbers and plurals make several, with unique ids', () => {
    expect(read('two knights and a knight').spec.characters.map((c) => c.id)).toEqual(['knight', 'knight-2', 'knight-3']);
    expect(read('monks').spec.characters.map((c) => c.id)).toEqual(['monk', 'monk-2']);
    expect(read('a lighthouse keeper').spec.characters.map((c) => c.archetype)).toEqual(['keeper']);
  });
});
