/**
 * The `world` room's shared state (Colyseus schema), patched to every client: the world, the tick,
 * and every player's pose — what a game needs to draw the other players. Frames are per player and
 * never in the state.
 */
import { schema, t, type SchemaType } from '@colyseus/schema';

export const PlayerState = schema(
  {
    name: t.string(),
    x: t.float32(),
    y: t.float32(),
    z: t.float32(),
    yaw: t.float32(),
    pitch: t.float32(),
    /** Frames this player has been sent. */
    frames: t.uint32(),
  },
  'PlayerState',
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const WorldRoomState = schema(
  {
    worldId: t.string(),
    source: t.string(),
    tickRate: t.uint8(),
    tick: t.uint32(),
    players: t.map(PlayerState),
  },
  'WorldRoomState',
);
export type WorldRoomState = SchemaType<typeof WorldRoomState>;
