/**
 * A Timeline → the cutscene as glTF, for an engine to play in real time (cutscene.glb) and for the
 * renderer to draw (the same characters, without the cameras):
 *   - each character built from its identity — the same identity, the same mesh, in every shot;
 *   - one animation, `cutscene`, over the whole timeline: every character's root (where it stands,
 *     which way it faces) and joints (its idle or walk at that moment), and — with cameras — every
 *     shot's camera;
 *   - with clips, each character's looping `idle` and `walk` (`<id>/idle`, `<id>/walk`) for engines
 *     that drive characters themselves;
 *   - the timeline's shot list in the scene's extras.
 */
import { Document, Logger } from '@gltf-transform/core';
import { buildCharacter } from '../characters/build-character.ts';
import { designCharacter } from '../characters/design-character.ts';
import type { Timeline } from '../shots/timeline.ts';
import { WORLDSMITH_VERSION } from '../version.ts';
import { addClipAnimation, addPerformance } from './character-animations.ts';
import { addCharacterToDocument } from './character-nodes.ts';
import { addShotCameras } from './cutscene-cameras.ts';

export const CUTSCENE_ANIMATION = 'cutscene';

export interface CutsceneDocumentOptions {
  /** Shot cameras as nodes animated by `cutscene` (default true; the renderer uses its own camera). */
  cameras?: boolean;
  /** Each character's looping idle and walk clips (default true). */
  clips?: boolean;
}

export function buildCutsceneDocument(timeline: Timeline, options: CutsceneDocumentOptions = {}): Document {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.SILENT));
  doc.createBuffer('cutscene');
  const asset = doc.getRoot().getAsset();
  asset.generator = `Worldsmith ${WORLDSMITH_VERSION}`;
  asset.extras = { worldsmith: { version: WORLDSMITH_VERSION, kind: 'cutscene' } };
  const scene = doc.createScene('Cutscene').setExtras({
    worldsmith: {
      fps: timeline.fps,
      durationSeconds: timeline.durationSeconds,
      shots: timeline.shots.map((s) => ({ id: s.id, type: s.type, subject: s.subject, camera: `Camera/${s.id}`, startSeconds: s.startSeconds, durationSeconds: s.durationSeconds, transitionIn: s.transitionIn })),
    },
  });
  doc.getRoot().setDefaultScene(scene);
  const animation = doc.createAnimation(CUTSCENE_ANIMATION).setExtras({ worldsmith: { role: 'cutscene', fps: timeline.fps, durationSeconds: timeline.durationSeconds } });
  for (const character of timeline.characters) {
    const model = buildCharacter(designCharacter(character.identity));
    const nodes = addCharacterToDocument(doc, scene, model, { name: character.identity.id });
    addPerformance(doc, animation, nodes, model, character.frames, timeline.fps);
    if (options.clips ?? true) {
      addClipAnimation(doc, nodes, model, 'idle', { name: `${character.identity.id}/idle` });
      addClipAnimation(doc, nodes, model, 'walk', { name: `${character.identity.id}/walk` });
    }
  }
  if (options.cameras ?? true) addShotCameras(doc, scene, timeline, animation);
  if (animation.listChannels().length === 0) animation.dispose();
  return doc;
}
