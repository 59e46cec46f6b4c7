/**
 * sin(2π·phase) from a 4096-entry table with linear interpolation: error under 3·10⁻⁷ (−130 dB),
 * a few times cheaper than Math.sin in the inner loops of pads, drones and insects.
 */
const SIZE = 4096;
const TABLE = new Float64Array(SIZE + 1);
for (let i = 0; i <= SIZE; i++) TABLE[i] = Math.sin((2 * Math.PI * i) / SIZE);

/** sin(2π·phase) for any phase in turns. */
export function sineOfTurns(phase: number): number {
  const x = (phase - Math.floor(phase)) * SIZE;
  const i = x | 0;
  const frac = x - i;
  return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * frac;
}
