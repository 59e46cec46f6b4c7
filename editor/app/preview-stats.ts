/**
 * The preview's numbers for the stats panel: triangles drawn (an instanced mesh counts once per
 * instance — thin instances from EXT_mesh_gpu_instancing and Babylon's InstancedMesh alike), the
 * instances, the meshes and the glb's size; the server's WorldSummary.stats beside them when it
 * has them.
 */
import { InstancedMesh, Mesh, type AbstractMesh } from '@babylonjs/core';
import type { WorldStats } from './api-types.ts';
import { h } from './element.ts';

export interface PreviewCounts {
  triangles: number;
  instances: number;
  meshes: number;
  glbBytes: number;
}

export function countPreview(meshes: readonly AbstractMesh[], glbBytes: number): PreviewCounts {
  let triangles = 0;
  let instances = 0;
  let count = 0;
  for (const mesh of meshes) {
    if (mesh instanceof InstancedMesh) {
      if (!mesh.isEnabled()) continue;
      instances++;
      triangles += mesh.sourceMesh.getTotalIndices() / 3;
    } else if (mesh instanceof Mesh && mesh.getTotalIndices() > 0) {
      if (!mesh.isEnabled()) continue;
      count++;
      const copies = mesh.hasThinInstances ? mesh.thinInstanceCount : 1;
      if (mesh.hasThinInstances) instances += mesh.thinInstanceCount;
      triangles += (mesh.getTotalIndices() / 3) * copies;
    }
  }
  return { triangles: Math.round(triangles), instances, meshes: count, glbBytes };
}

const number = (n: number) => n.toLocaleString('en-US');

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}

const SERVER_STATS: Array<[keyof WorldStats, string]> = [
  ['triangles', 'terrain + water triangles'],
  ['terrainTriangles', 'terrain triangles'],
  ['instances', 'instances'],
  ['structures', 'structures'],
  ['colliders', 'colliders'],
  ['navmeshTriangles', 'navmesh triangles'],
  ['pointsOfInterest', 'points of interest'],
  ['chunks', 'chunks'],
  ['glbBytes', 'glb'],
];

export function renderStats(panel: HTMLElement, worldId: string | null, counts: PreviewCounts | null, server: WorldStats | undefined): void {
  const row = (name: string, value: string, key: string) => h('tr', { dataset: { stat: key } }, h('th', {}, name), h('td', {}, value));
  const rows: HTMLElement[] = [];
  if (counts) {
    rows.push(h('tr', { class: 'stats-head' }, h('th', { colspan: 2 }, 'preview')));
    rows.push(row('triangles', number(counts.triangles), 'triangles'), row('instances', number(counts.instances), 'instances'), row('meshes', number(counts.meshes), 'meshes'), row('file size', formatBytes(counts.glbBytes), 'file-size'));
  }
  if (server) {
    rows.push(h('tr', { class: 'stats-head' }, h('th', { colspan: 2 }, 'server')));
    for (const [key, name] of SERVER_STATS) if (server[key] !== undefined) rows.push(row(name, key === 'glbBytes' ? formatBytes(server[key]) : number(server[key]), `server-${key}`));
  }
  panel.replaceChildren(rows.length ? h('table', {}, ...rows) : h('p', { class: 'muted' }, worldId ? 'Loading…' : 'No world loaded.'));
}
