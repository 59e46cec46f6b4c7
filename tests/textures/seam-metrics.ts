/**
 * How visible a tile's seam is. Each boundary between two neighbouring columns (and rows) gets two
 * measures, averaged along it: the step (mean |difference| across it) and the kink (mean |second
 * difference| across it, a change of slope). The wrap — last column to first — must look like a
 * boundary inside the tile: its measures are divided by the largest of the interior boundaries'.
 * Structure that lines up with the edge (a mortar joint, a plank gap) has its twins inside the tile
 * and stays near 1; a seam stands out far above every interior boundary.
 */
export interface SeamRatios {
  stepX: number;
  stepY: number;
  kinkX: number;
  kinkY: number;
}

export function seamRatios(values: ArrayLike<number>, size: number, channels = 1, channel = 0): SeamRatios {
  const at = (x: number, y: number): number => values[(y * size + x) * channels + channel];
  const wrap = (k: number): number => ((k % size) + size) % size;
  const measure = (dir: 'x' | 'y'): { step: number; kink: number } => {
    const get = (u: number, v: number): number => (dir === 'x' ? at(wrap(u), v) : at(v, wrap(u)));
    // Boundary b lies between u = b − 1 and u = b; b = 0 is the wrap.
    const boundary = (b: number): { step: number; kink: number } => {
      let step = 0;
      let kink = 0;
      for (let v = 0; v < size; v++) {
        const a0 = get(b - 2, v);
        const a1 = get(b - 1, v);
        const b0 = get(b, v);
        const b1 = get(b + 1, v);
        step += Math.abs(b0 - a1);
        kink += (Math.abs(b0 - 2 * a1 + a0) + Math.abs(b1 - 2 * b0 + a1)) / 2;
      }
      return { step: step / size, kink: kink / size };
    };
    let maxStep = 0;
    let maxKink = 0;
    for (let b = 2; b < size - 1; b++) {
      const m = boundary(b);
      maxStep = Math.max(maxStep, m.step);
      maxKink = Math.max(maxKink, m.kink);
    }
    const w = boundary(0);
    const eps = 1e-9;
    return { step: (w.step + eps) / (maxStep + eps), kink: (w.kink + eps) / (maxKink + eps) };
  };
  const x = measure('x');
  const y = measure('y');
  return { stepX: x.step, stepY: y.step, kinkX: x.kink, kinkY: y.kink };
}
