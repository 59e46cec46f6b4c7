/**
 * The world the cutscene benchmark films and the README's sample cutscene shows: a 256 m river
 * valley with a tower on the hill and a knight — small enough to film 240 frames in minutes on
 * SwiftShader — and the benchmark's 10 s storyboard.
 */
export const CUTSCENE_WORLD_SPEC = {
  seed: 7,
  size: { width: 256, depth: 256, cellSize: 2 },
  water: { rivers: 1 },
  structures: [{ type: 'tower' }],
  terrain: { landform: 'valley' },
  characters: [{ id: 'knight', archetype: 'knight' }],
};

export const CUTSCENE_BENCH_STORYBOARD =
  'wide establishing shot of the valley at dawn for 3 seconds; follow the knight to the tower for 3 seconds; close-up as she opens the door for 2 seconds; orbit around the tower for 2 seconds';
