/**
 * Every node Worldsmith writes says what it is in `extras.worldsmith.role`, so an engine importer
 * can find terrain, water, lights (and, later, colliders, navmesh, spawn points) by role rather
 * than by name. The list is part of the export contract; see generators/export/README.md.
 */
export const NODE_ROLES = [
  'world',
  'terrain',
  'terrain-chunk',
  'water',
  'sea',
  'lake',
  'river',
  'key-light',
  'scatter',
  'instances',
  'structures',
  'structure',
  'structure-piece',
  'colliders',
  'collider',
  'navmesh',
  'gameplay',
  'spawn',
  'point-of-interest',
  'path',
  'character',
  'character-joint',
  'character-mesh',
  'shot-camera',
  'cutscene',
] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

export function roleExtras(role: NodeRole, details: Record<string, unknown> = {}): Record<string, unknown> {
  return { worldsmith: { role, ...details } };
}
