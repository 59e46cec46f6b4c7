/**
 * What a loaded node is: every glTF node Worldsmith writes says so in `extras.worldsmith.role`
 * (generators/export/README.md), which Babylon's loader keeps on `node.metadata.gltf.extras`. A
 * primitive Babylon splits off a multi-primitive node has no extras of its own, so its role is the
 * nearest ancestor's.
 */
import type { Node } from '@babylonjs/core';

export interface WorldsmithExtras {
  role?: string;
  [key: string]: unknown;
}

export function worldsmithExtras(node: Node): WorldsmithExtras | undefined {
  const metadata = node.metadata as { gltf?: { extras?: { worldsmith?: WorldsmithExtras } } } | null | undefined;
  return metadata?.gltf?.extras?.worldsmith;
}

/** The node's own role, else its nearest ancestor's. */
export function roleOf(node: Node): string | undefined {
  for (let at: Node | null = node; at; at = at.parent) {
    const role = worldsmithExtras(at)?.role;
    if (role) return role;
  }
  return undefined;
}

/** Whether the node or one of its ancestors has one of `roles`. */
export function hasRoleWithin(node: Node, roles: readonly string[]): boolean {
  for (let at: Node | null = node; at; at = at.parent) {
    const role = worldsmithExtras(at)?.role;
    if (role && roles.includes(role)) return true;
  }
  return false;
}
