// PLACEHOLDER: to be replaced by the real family.
import type { MaterialFamily } from '../material-family.ts';
import { createLayers } from '../material-layers.ts';

export const plaster: MaterialFamily = {
  id: 'plaster',
  phrases: ['plaster'],
  tileMetres: 2,
  normalStrength: 3,
  metallic: false,
  draw({ size }) {
    const layers = createLayers(size);
    layers.albedo.fill(0.5);
    return layers;
  },
};
