/**
 * The world picker (`#world-select`): every world the server knows (GET /api/worlds), so a
 * designer can reopen one made before — after a restart too. Choosing one loads its spec into the
 * form and, once it is generated, its glb into the preview.
 */
import { api } from './api-client.ts';
import type { WorldSummary } from './api-types.ts';
import { h } from './element.ts';

export async function refreshWorldPicker(select: HTMLSelectElement, current: string | null): Promise<WorldSummary[]> {
  const { worlds } = await api.listWorlds();
  const known = current && !worlds.some((w) => w.id === current) ? [...worlds, { id: current, prompt: '', status: 'known' } as WorldSummary] : worlds;
  select.replaceChildren(
    h('option', { value: '' }, '— choose a world —'),
    ...known.map((w) => h('option', { value: w.id, selected: w.id === current, title: w.prompt }, `${w.id}${w.prompt ? ` · ${w.prompt.slice(0, 40)}` : ''}${w.status === 'ready' ? '' : ` (${w.status})`}`)),
  );
  select.value = current ?? '';
  return worlds;
}
