/**
 * Gameplay data as nodes: the spawn (a node placed and turned like the player), points of interest
 * (where the thing is, with kind, label and approach in extras), walkable paths (a hidden
 * LINE_STRIP each, also carved and coloured into the terrain) and the navmesh (a hidden triangle
 * mesh, with the agent it was built for in extras).
 */
import { Primitive, type Document, type Node } from '@gltf-transform/core';
import type { Gameplay } from '../gameplay/gameplay.ts';
import type { NavMeshData } from '../gameplay/build-navmesh.ts';
import { hiddenMaterial } from './hidden-material.ts';
import { roleExtras } from './node-roles.ts';

export function addGameplayNodes(doc: Document, parent: Node, gameplay: Gameplay, navmesh: NavMeshData | null): void {
  const buffer = doc.getRoot().listBuffers()[0];
  const material = hiddenMaterial(doc);
  const { spawn } = gameplay;
  parent.addChild(
    doc
      .createNode('Gameplay/Spawn')
      .setTranslation([spawn.x, spawn.y, spawn.z])
      .setRotation([0, Math.sin(spawn.yaw / 2), 0, Math.cos(spawn.yaw / 2)])
      .setExtras(roleExtras('spawn', { yaw: spawn.yaw })),
  );
  for (const p of gameplay.pointsOfInterest) {
    parent.addChild(
      doc
        .createNode(`Gameplay/POI/${p.id}`)
        .setTranslation([p.x, p.y, p.z])
        .setExtras(roleExtras('point-of-interest', { id: p.id, kind: p.kind, label: p.label, source: p.source, approach: [p.approach.x, p.approach.y, p.approach.z] })),
    );
  }
  for (const path of gameplay.paths) {
    if (path.points.length < 2) continue;
    const name = `Gameplay/Paths/${path.id}`;
    const position = new Float32Array(path.points.length * 3);
    path.points.forEach((p, i) => position.set([p.x, p.y + 0.05, p.z], i * 3));
    const primitive = doc
      .createPrimitive()
      .setMode(Primitive.Mode.LINE_STRIP)
      .setAttribute('POSITION', doc.createAccessor(`${name}/POSITION`, buffer).setType('VEC3').setArray(position))
      .setMaterial(material);
    parent.addChild(
      doc
        .createNode(name)
        .setMesh(doc.createMesh(name).addPrimitive(primitive))
        .setExtras(roleExtras('path', { id: path.id, from: path.from, to: path.to, width: path.width, length: Number(path.length.toFixed(1)) })),
    );
  }
  if (navmesh && navmesh.indices.length > 0) {
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor('Navmesh/POSITION', buffer).setType('VEC3').setArray(navmesh.positions))
      .setIndices(doc.createAccessor('Navmesh/indices', buffer).setType('SCALAR').setArray(navmesh.indices))
      .setMaterial(material);
    parent.addChild(
      doc
        .createNode('Gameplay/Navmesh')
        .setMesh(doc.createMesh('Navmesh').addPrimitive(primitive))
        .setExtras(roleExtras('navmesh', { agent: navmesh.agent, cellSize: navmesh.cellSize, polygons: navmesh.polygons })),
    );
  }
}
