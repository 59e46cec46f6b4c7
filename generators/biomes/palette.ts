/**
 * The spec's palette resolved into numbers: the mood's preset grading multiplied by the spec's own
 * saturation, brightness and warmth, a tint some moods add, and the per-surface colour overrides.
 */
import type { PaletteTarget, WorldSpec } from '../spec/world-spec-schema.ts';
import { hexToRgb, type Rgb } from './color.ts';

type Mood = WorldSpec['palette']['mood'];

interface MoodGrade {
  saturation: number;
  brightness: number;
  warmth: number;
  tint?: string;
  tintAmount?: number;
}

export const MOOD_GRADES: Record<Mood, MoodGrade> = {
  neutral: { saturation: 1, brightness: 1, warmth: 0 },
  serene: { saturation: 1.05, brightness: 1.05, warmth: 0.05 },
  warm: { saturation: 1.05, brightness: 1, warmth: 0.3 },
  cold: { saturation: 0.85, brightness: 1, warmth: -0.35 },
  gloomy: { saturation: 0.7, brightness: 0.78, warmth: -0.1 },
  eerie: { saturation: 0.6, brightness: 0.8, warmth: -0.15, tint: '#4f6f5f', tintAmount: 0.15 },
  vibrant: { saturation: 1.35, brightness: 1.05, warmth: 0.05 },
  desolate: { saturation: 0.55, brightness: 0.95, warmth: 0.05 },
  golden: { saturation: 1.1, brightness: 1.05, warmth: 0.45 },
  mystical: { saturation: 0.95, brightness: 0.9, warmth: -0.1, tint: '#6a5a8a', tintAmount: 0.12 },
  burnt: { saturation: 0.35, brightness: 0.55, warmth: 0.1, tint: '#3a332c', tintAmount: 0.35 },
};

export interface ResolvedPalette {
  saturation: number;
  brightness: number;
  warmth: number;
  tint: Rgb | null;
  tintAmount: number;
  overrides: Partial<Record<PaletteTarget, Rgb>>;
}

export function resolvePalette(palette: WorldSpec['palette']): ResolvedPalette {
  const grade = MOOD_GRADES[palette.mood];
  const overrides: Partial<Record<PaletteTarget, Rgb>> = {};
  for (const [target, hex] of Object.entries(palette.colors)) {
    if (hex) overrides[target as PaletteTarget] = hexToRgb(hex);
  }
  return {
    saturation: grade.saturation * palette.saturation,
    brightness: grade.brightness * palette.brightness,
    warmth: Math.max(-1, Math.min(1, grade.warmth + palette.warmth)),
    tint: grade.tint ? hexToRgb(grade.tint) : null,
    tintAmount: grade.tintAmount ?? 0,
    overrides,
  };
}
