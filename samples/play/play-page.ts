/**
 * The sample game `worldsmith serve` answers at `/play` (bundled for the browser as /play.js): a
 * Babylon.js engine and scene on the page's canvas, the world streamed from the server as frames
 * (engine-bridge/stream-client), walked with keyboard, mouse (click for pointer lock) or gamepad.
 *
 * Query: `?world=ID` (default: the first world GET /api/worlds lists), `?display=plane` (frames on a
 * plane in the Babylon scene instead of full screen), `?size=128`, `?fps=20`, `?name=ann`.
 * The HUD shows the connection's status, frames per second received, action-to-frame latency p50 /
 * p99, the frame source (model or render), the image quality and the players in the room.
 * `document.body.dataset.framesDrawn` counts the frames drawn (for screenshots and tests).
 */
import { ArcRotateCamera, Color4, Engine, Scene, Vector3 } from '@babylonjs/core';
import { createFullScreenFrameDisplay, createTextureFrameDisplay, type FrameDisplay } from '../../engine-bridge/stream-client/frame-display.ts';
import { bindInputActions } from '../../engine-bridge/stream-client/input-actions.ts';
import { connectWorldStream, type PlayerView } from '../../engine-bridge/stream-client/world-stream-client.ts';
import type { FrameHeader } from '../../engine-bridge/stream-client/stream-protocol.ts';

const query = new URLSearchParams(location.search);
const serverUrl = location.origin;
const byId = (id: string) => document.getElementById(id)!;

async function chooseWorld(): Promise<string> {
  const asked = query.get('world');
  if (asked) return asked;
  const response = await fetch(`${serverUrl}/api/worlds`);
  const { worlds } = (await response.json()) as { worlds: Array<{ id: string; prompt: string }> };
  if (!worlds?.length) throw new Error('This server has no worlds yet: POST /api/worlds {prompt} first.');
  return worlds[0].id;
}

function createBabylonScene(canvas: HTMLCanvasElement) {
  const engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: false });
  const scene = new Scene(engine);
  scene.clearColor = new Color4(0.02, 0.02, 0.03, 1);
  const camera = new ArcRotateCamera('camera', -Math.PI / 2, Math.PI / 2, 2.6, Vector3.Zero(), scene);
  camera.minZ = 0.05;
  engine.runRenderLoop(() => scene.render());
  addEventListener('resize', () => engine.resize());
  return { engine, scene, camera };
}

function showPlayers(players: PlayerView[]) {
  byId('player-count').textContent = String(players.length);
  const list = byId('players');
  list.replaceChildren(
    ...players.map((p) => {
      const item = document.createElement('li');
      item.textContent = `${p.name}${p.self ? ' (you)' : ''} · ${p.x.toFixed(0)}, ${p.z.toFixed(0)}`;
      return item;
    }),
  );
}

async function main() {
  const canvas = byId('scene') as HTMLCanvasElement;
  const { scene } = createBabylonScene(canvas);
  const display: FrameDisplay = query.get('display') === 'plane' ? createTextureFrameDisplay(scene) : createFullScreenFrameDisplay(document.body);
  display.onDrawn(() => (document.body.dataset.framesDrawn = String(display.drawn)));

  const worldId = await chooseWorld();
  byId('world').textContent = worldId.slice(0, 12);
  const numberParam = (name: string) => (query.get(name) ? Number(query.get(name)) : undefined);
  const stream = connectWorldStream({ serverUrl, worldId, fps: numberParam('fps'), size: numberParam('size'), name: query.get('name') ?? undefined });

  let lastHeader: FrameHeader | null = null;
  stream.onFrame((header, image) => {
    lastHeader = header;
    display.show(header, image);
  });
  stream.onHello((hello) => (byId('source').textContent = `${hello.source} · ${hello.width}×${hello.height} ${hello.format}`));
  stream.onStatus((status) => {
    byId('status').textContent = status;
    byId('status').dataset.status = status;
  });
  stream.onPlayers(showPlayers);
  stream.onNotice((notice) => console.info(`worldsmith: ${notice.kind}: ${notice.message}`));
  stream.onError((error) => console.warn(`worldsmith: ${error.message}`));

  const input = bindInputActions(canvas);
  const readInput = () => {
    stream.setAction(input.read());
    requestAnimationFrame(readInput);
  };
  requestAnimationFrame(readInput);

  const ms = (v: number | null) => (v === null ? '–' : `${v.toFixed(0)} ms`);
  setInterval(() => {
    const latency = stream.latency;
    byId('fps').textContent = String(stream.fps);
    byId('latency').textContent = `p50 ${ms(latency.p50Ms)} · p99 ${ms(latency.p99Ms)}`;
    const header = lastHeader as FrameHeader | null;
    if (header) byId('quality').textContent = `${header.quality}${header.flags & 4 ? ' (degraded)' : ''}`;
  }, 250);
  addEventListener('beforeunload', () => void stream.close());
}

main().catch((error: Error) => {
  byId('status').textContent = error.message;
  byId('status').dataset.status = 'closed';
  console.error(error);
});
