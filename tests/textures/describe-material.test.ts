import { describe, expect, it } from 'vitest';
import { describeMaterial } from '../../generators/textures/describe-material.ts';
import { MATERIAL_FAMILIES } from '../../generators/textures/families/index.ts';
import { TextureError } from '../../generators/textures/texture-error.ts';

describe('describeMaterial', () => {
  it('reads a family and the words that change it', () => {
    const { recipe, unused } = describeMaterial('old mossy red bricks');
    expect(recipe.family).toBe('bricks');
    expect(recipe.weathered).toBeGreaterThan(0.5);
    expect(recipe.mossy).toBeGreaterThan(0.5);
    expect(recipe.color?.word).toBe('red');
    expect(unused).toEqual([]);
  });

  it('takes intensity and negation', () => {
    const { recipe } = describeMaterial('very wet, slightly cracked, not mossy dark cobblestone');
    expect(recipe.family).toBe('cobblestone');
    expect(recipe.wet).toBe(1);
    expect(recipe.cracked).toBe(0.35);
    expect(recipe.mossy).toBe(0);
    expect(recipe.lightness).toBeLessThan(0);
  });

  it('reads size words and multi-word families', () => {
    expect(describeMaterial('large pale sand').recipe).toMatchObject({ family: 'sand', scale: 1.6 });
    expect(describeMaterial('tiny wood planks').recipe).toMatchObject({ family: 'wood-planks', scale: 0.6 });
    expect(describeMaterial('forest floor').recipe.family).toBe('forest-floor');
    expect(describeMaterial('cliff face').recipe.family).toBe('cliff-face');
    expect(describeMaterial('terracotta roof tiles').recipe.family).toBe('roof-tiles');
  });

  it('names every family by its own name', () => {
    for (const family of MATERIAL_FAMILIES) {
      expect(describeMaterial(family.id.replaceAll('-', ' ')).recipe.family).toBe(family.id);
      for (const phrase of family.phrases) expect(describeMaterial(phrase).recipe.family, phrase).toBe(family.id);
    }
  });

  it('takes the last family word as the surface and says so', () => {
    const d = describeMaterial('stone bricks');
    expect(d.recipe.family).toBe('bricks');
    expect(d.unused).toContain('stone');
    expect(d.notes.join(' ')).toMatch(/last named \(bricks\)/);
  });

  it('reads metal names as metal with a colour', () => {
    const { recipe } = describeMaterial('polished copper');
    expect(recipe.family).toBe('metal');
    expect(recipe.color?.word).toBe('copper');
    expect(recipe.polished).toBeGreaterThan(0);
  });

  it('lists words it did not use', () => {
    expect(describeMaterial('shimmering grass').unused).toEqual(['shimmering']);
  });

  it('refuses empty and unknown-only descriptions with the list of families', () => {
    for (const text of ['', '   ', 'blorp zzz', '!!!', 42]) {
      let error: unknown;
      try {
        describeMaterial(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TextureError);
      expect((error as TextureError).code).toBe('TEXTURE_DESCRIPTION');
      expect((error as Error).message).toMatch(/cobblestone, bricks/);
    }
  });
});
