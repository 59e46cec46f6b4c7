/**
 * Getting a world onto the screen: `buildWorld` stores a spec (POST /api/worlds), runs a generate
 * job and follows it to the end; `showWorldInPreview` fetches the glb, hands it to the preview and
 * fills the stats (the preview's counts and the server's WorldSummary.stats).
 */
import { api, fetchBytes, worldUrls } from './api-client.ts';
import type { Job, WorldSpec, WorldSummary } from './api-types.ts';
import { byId } from './element.ts';
import { state, updateState } from './editor-state.ts';
import type { JobFeed } from './job-feed.ts';
import { renderStats } from './preview-stats.ts';
import type { WorldPreview } from './world-preview.ts';

export class JobFailedError extends Error {
  constructor(readonly job: Job) {
    super(job.status === 'cancelled' ? `The ${job.kind} job ${job.id} was cancelled.` : `The ${job.kind} job ${job.id} failed: ${job.error?.code ?? ''} ${job.error?.message ?? 'no reason given'}`);
  }
}

function previewStatus(text: string): void {
  const status = byId('preview-status');
  status.textContent = text;
  status.hidden = !text;
}

/** Runs a generate job for `worldId` and resolves when it is done (rejects when it fails). */
export async function generateWorld(feed: JobFeed, worldId: string): Promise<Job> {
  const job = await api.startGenerate(worldId);
  feed.upsert(job);
  previewStatus(`Generating ${worldId}…`);
  const finished = await feed.follow(job.id, (update) => {
    if (update.status === 'running' || update.status === 'queued') previewStatus(`Generating ${worldId}: ${update.progress?.stage ?? update.status} ${Math.round((update.progress?.fraction ?? 0) * 100)}%`);
  });
  if (finished.status !== 'done') {
    previewStatus(`The world could not be generated.`);
    throw new JobFailedError(finished);
  }
  return finished;
}

/** Stores `spec` as a world, generates it and shows it. */
export async function buildWorld(preview: WorldPreview, feed: JobFeed, spec: WorldSpec): Promise<WorldSummary> {
  const summary = await api.createWorld(spec);
  updateState({ worldId: summary.id, spec, summary });
  await generateWorld(feed, summary.id);
  return showWorldInPreview(preview, summary.id);
}

/** Loads the world's glb into the preview and waits until it has been drawn. */
export async function showWorldInPreview(preview: WorldPreview, worldId: string): Promise<WorldSummary> {
  previewStatus(`Loading ${worldId}…`);
  const bytes = await fetchBytes(worldUrls.glb(worldId));
  const counts = await preview.showWorld(worldId, bytes);
  previewStatus('');
  const summary = await api.world(worldId).catch(() => state.summary ?? undefined);
  if (summary && state.worldId === worldId) updateState({ summary });
  renderStats(byId('stats'), worldId, counts, summary?.stats);
  await preview.framesDrawn(3);
  return summary ?? (state.summary as WorldSummary);
}

export { previewStatus };
