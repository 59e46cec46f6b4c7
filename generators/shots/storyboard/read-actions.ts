/**
 * What the people of a segment do. Those not after a destination, facing or starting preposition,
 * and not what someone looks at, act; only what is said after the first of them counts for them
 * ("orbit around the tower as the monk walks to the chapel" walks round no tower). Walk verbs (or
 * a destination alone) make a walk — "along/through/across Y" is the way, or the destination when
 * no "to" is said; look/watch/wait verbs make them stand facing what they look at; opening a door
 * makes them stand at the structure they walked to, facing it. A person with no verb stands where
 * their last walk ended.
 */
import type { ShotAction } from '../shot-plan-schema.ts';
import type { Cast } from './cast.ts';
import type { Entity, SegmentMentions } from './segment-mentions.ts';
import type { WorldPlaces, XZ } from './world-places.ts';

export interface ActionContext {
  cast: Cast;
  places: WorldPlaces;
  /** Where each character stands, by id: the subject reference of their last destination. */
  positions: ReadonlyMap<string, string>;
}

export interface ReadActions {
  /** The people acting, in order, and the entities that named them. */
  actors: string[];
  actorEntities: Array<Extract<Entity, { kind: 'character' }>>;
  actions: Array<{ value: ShotAction; words: string[]; detail?: string }>;
  /** Where each acting character ends up (their last destination), by id. */
  arrivals: Map<string, string>;
}

export function readActions(mentions: SegmentMentions, ctx: ActionContext, notices: string[]): ReadActions {
  const { entities, verbs } = mentions;
  // Who acts: people not after a destination, facing or starting preposition, and not what someone looks at.
  const actorEntities = entities.filter(
    (e): e is Extract<Entity, { kind: 'character' }> =>
      e.kind === 'character' && (!e.preposition || e.preposition.kind === 'of') && !(e.objectOf && e.objectOf.verb !== 'follow'),
  );
  const actors = [...new Set(actorEntities.map((e) => e.id))];
  const arrivals = new Map<string, string>();
  const actions: ReadActions['actions'] = [];
  const walkVerb = verbs.find((v) => v.verb === 'walk' || v.verb === 'follow');
  const idleVerb = verbs.find((v) => v.verb === 'idle' || v.verb === 'open');
  // What the people do is said after them: "orbit around the tower as the monk walks to the chapel" walks round no tower.
  const firstActor = actorEntities[0]?.from ?? Infinity;
  const others = entities.filter((e) => !e.describes && !actorEntities.includes(e as never) && e.from > firstActor);
  const targets = {
    to: [...others].reverse().find((e) => e.preposition?.kind === 'to' && !(idleVerb && !walkVerb)),
    via: others.find((e) => e.preposition?.kind === 'via'),
    face: others.find((e) => e.preposition?.kind === 'at' || (e.objectOf && e.objectOf.verb === 'idle') || (e.preposition?.kind === 'to' && idleVerb && !walkVerb)),
    object: others.find((e) => e.objectOf && e.objectOf.verb === 'walk'),
    door: entities.find((e) => e.kind === 'place' && e.place.kind === 'door'),
  };
  for (const e of others) if (actors.length > 0 && e.preposition?.kind === 'from') notices.push(`"${e.span}": a walk starts where the character already stands; the start is not moved`);

  for (const id of actors) {
    const here = positionOfCharacter(id, ctx);
    const refOf = (e: Entity, purpose: 'destination' | 'via' | 'face', near?: XZ): { ref: string; at?: XZ; label: string } | undefined => {
      if (e.kind === 'character') return e.id === id ? undefined : { ref: `character:${e.id}`, label: e.id };
      const found = ctx.places.find(e.place, purpose, near);
      if (found?.notice) notices.push(`"${e.phrase}": ${found.notice}`);
      if (!found) notices.push(`"${e.phrase}" is not a place to ${purpose === 'via' ? 'walk through' : 'walk to'}; left out`);
      return found;
    };
    const words: string[] = [];
    let destination = targets.to ?? (walkVerb ? targets.object : undefined);
    let via = targets.via;
    if (!destination && walkVerb && via) {
      destination = via;
      via = undefined;
    }
    const walking = Boolean(destination) && (Boolean(walkVerb) || !idleVerb);
    let standAt = ctx.positions.get(id);
    if (walking && destination) {
      const to = refOf(destination, 'destination', here);
      if (to) {
        const viaRef = via ? refOf(via, 'via', midpoint(here, to.at)) : undefined;
        if (walkVerb) words.push(walkVerb.phrase);
        if (via) words.push(via.span);
        words.push(destination.span);
        const action: ShotAction = { character: id, do: 'walk', to: to.ref, ...(viaRef ? { via: viaRef.ref } : {}) };
        actions.push({ value: action, words, ...(walkVerb?.note ? { detail: walkVerb.note } : {}) });
        standAt = to.ref;
        arrivals.set(id, to.ref);
      }
    } else if (walkVerb && !idleVerb) {
      notices.push(`"${walkVerb.phrase}" names no destination, so ${id} stands; say where to ("to the tower")`);
    }
    if (idleVerb || !walking) {
      let face: { ref: string; words?: string } | undefined;
      if (idleVerb?.verb === 'open') {
        const door = doorOf(id, standAt, targets.door, entities, ctx, notices);
        face = door && { ref: door.ref, words: targets.door?.phrase };
        // Opening a door somewhere they are not: they stand at that door.
        if (face && !standAt) standAt = face.ref;
      } else if (targets.face) {
        const found = refOf(targets.face, 'face', (standAt && ctx.places.positionOf(standAt)) || here);
        face = found && { ref: found.ref, words: targets.face.span };
      }
      if (standAt || face || idleVerb) {
        const idle: ShotAction = { character: id, do: 'idle', ...(standAt ? { to: standAt } : {}), ...(face ? { face: face.ref } : {}) };
        const idleWords = [idleVerb?.phrase, face?.words].filter((w): w is string => Boolean(w));
        const detail = [idleVerb?.note, !idleVerb && standAt ? 'stands where they last arrived' : undefined].filter(Boolean).join('; ');
        // Walked here in this shot: one walk that ends facing it (a shot plays one action per person).
        const walk = actions.find((a) => a.value.character === id && a.value.do === 'walk');
        if (walk) {
          if (face) walk.value.face = face.ref;
          walk.words.push(...idleWords);
          if (idleVerb?.note) walk.detail = [walk.detail, idleVerb.note].filter(Boolean).join('; ');
        } else actions.push({ value: idle, words: idleWords, ...(detail ? { detail } : {}) });
      }
    }
  }

  return { actors, actorEntities, actions, arrivals };
}

function positionOfCharacter(id: string, ctx: ActionContext): XZ {
  const ref = ctx.positions.get(id);
  return (ref && ctx.places.positionOf(ref)) || ctx.places.spawn;
}

/** The door a character opens: the structure they stand at, else one the segment names, else the nearest. */
function doorOf(
  id: string,
  standAt: string | undefined,
  door: Entity | undefined,
  entities: readonly Entity[],
  ctx: ActionContext,
  notices: string[],
): { ref: string; label: string } | undefined {
  if (standAt?.startsWith('structure:')) return { ref: standAt, label: 'the door they stand at' };
  const named = entities.find((e): e is Extract<Entity, { kind: 'place' }> => e.kind === 'place' && e.place.kind === 'structure');
  if (named) {
    const found = ctx.places.find(named.place, 'destination');
    if (found?.notice) notices.push(`"${named.phrase}": ${found.notice}`);
    if (found) return { ref: found.ref, label: found.label };
  }
  const here = positionOfCharacter(id, ctx);
  const nearest = ctx.places.nearestStructure(here);
  if (!nearest) {
    notices.push(`"${door?.phrase ?? 'the door'}": this world has no structures, so no door; ${id} stands where they are`);
    return undefined;
  }
  notices.push(`"${door?.phrase ?? 'the door'}": ${id} stands at no structure yet; the nearest, the ${nearest.type}, is the one with the door`);
  return { ref: `structure:${nearest.ref}`, label: `the ${nearest.type}'s door` };
}

function midpoint(a: XZ, b: XZ | undefined): XZ {
  return b ? { x: (a.x + b.x) / 2, z: (a.z + b.z) / 2 } : a;
}
