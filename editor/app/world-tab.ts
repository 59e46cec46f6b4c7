/**
 * The World tab's actions. Generate: the prompt is interpreted (POST /api/interpret), the
 * explanation and the spec form shown, and the spec built, generated and previewed. Regenerate:
 * the spec the form now says (edited fields over the current spec) is built the same way, then
 * the compare view shows before and after with the fields that changed. Unless `#seed-lock` is
 * checked, each of them first rolls the seed to the next one (seed-reroll.ts). Opening a world
 * from the picker loads its spec into the form and its glb into the preview.
 */
import { ApiError, api } from './api-client.ts';
import type { Job, WorldSpec } from './api-types.ts';
import { whileBusy } from './busy-state.ts';
import { renderCompare } from './compare-view.ts';
import { byId } from './element.ts';
import { clearError, showError } from './error-banner.ts';
import { renderExplanation } from './explanation-view.ts';
import { state, updateState } from './editor-state.ts';
import type { JobFeed } from './job-feed.ts';
import { renderStats } from './preview-stats.ts';
import { nextSeed, MAX_SEED } from './seed-reroll.ts';
import { diffSpecs } from './spec-diff.ts';
import { clearFieldErrors, readSpec, renderSpecForm, showFieldError, SpecFormError, type JsonSchema } from './spec-form.ts';
import { buildWorld, generateWorld, previewStatus, showWorldInPreview } from './world-loading.ts';
import { refreshWorldPicker } from './world-picker.ts';
import type { WorldPreview } from './world-preview.ts';

export function mountWorldTab(preview: WorldPreview, feed: JobFeed, schema: JsonSchema): void {
  const prompt = byId<HTMLTextAreaElement>('prompt');
  const seedInput = byId<HTMLInputElement>('seed');
  const seedLock = byId<HTMLInputElement>('seed-lock');
  const form = byId('spec-form');
  const picker = byId<HTMLSelectElement>('world-select');
  const generateButton = byId<HTMLButtonElement>('generate');
  const regenerateButton = byId<HTMLButtonElement>('regenerate');
  const specFile = byId<HTMLInputElement>('spec-open');

  /** The seed this action uses: the field's, or the next one when the seed is not locked. */
  const seedForAction = (): number => {
    const typed = Math.min(MAX_SEED, Math.max(0, Math.floor(Number(seedInput.value) || 0)));
    const seed = seedLock.checked ? typed : nextSeed(typed);
    seedInput.value = String(seed);
    return seed;
  };

  const showSpec = (spec: WorldSpec) => {
    renderSpecForm(form, schema, spec);
    regenerateButton.disabled = false;
  };

  const running = (work: () => Promise<void>) => async () => {
    generateButton.disabled = regenerateButton.disabled = true;
    clearError();
    try {
      await whileBusy(work);
    } catch (error) {
      if (error instanceof SpecFormError) showFieldError(form, error.path, error.message);
      if (error instanceof ApiError && error.path) showFieldError(form, error.path, error.message);
      showError(error);
    } finally {
      generateButton.disabled = false;
      regenerateButton.disabled = false;
      refreshWorldPicker(picker, state.worldId).catch(() => undefined);
    }
  };

  // The form shows the schema's defaults until a prompt or a world fills it.
  showSpec({ version: 1, seed: Number(seedInput.value) || 0 });

  generateButton.addEventListener(
    'click',
    running(async () => {
      const interpretation = await api.interpret(prompt.value, seedForAction());
      renderExplanation(byId('explanation'), interpretation);
      updateState({ spec: interpretation.spec });
      showSpec(interpretation.spec);
      byId('compare').replaceChildren();
      byId('compare').hidden = true;
      await buildWorld(preview, feed, interpretation.spec);
    }),
  );

  regenerateButton.addEventListener(
    'click',
    running(async () => {
      clearFieldErrors(form);
      // Without a spec yet, the form's defaults over the bare minimum (the server fills the rest).
      const base: WorldSpec = state.spec ?? { version: 1, seed: Number(seedInput.value) || 0, prompt: prompt.value };
      const before = { spec: base, image: preview.snapshot(), worldId: preview.loadedWorld };
      const spec = readSpec(form, base);
      spec.seed = seedForAction();
      await buildWorld(preview, feed, spec);
      showSpec(spec);
      renderCompare(byId('compare'), before, { image: preview.snapshot(), worldId: state.worldId! }, diffSpecs(before.spec, spec));
    }),
  );

  // A spec file from disk: read here and sent as JSON (no upload; the server checks it like any spec).
  specFile.addEventListener(
    'change',
    running(async () => {
      const file = specFile.files?.[0];
      specFile.value = '';
      if (!file) return;
      let spec: WorldSpec;
      try {
        const parsed = (JSON.parse(await file.text()) as { spec?: WorldSpec } & WorldSpec);
        spec = parsed.spec ?? parsed; // interpret --json wraps it in {spec, explanation}
      } catch (error) {
        throw new ApiError(400, 'SPEC_FILE', `${file.name} is not JSON: ${(error as Error).message}`);
      }
      byId('explanation').replaceChildren(byId('explanation').ownerDocument.createTextNode(`Opened ${file.name}.`));
      byId('compare').replaceChildren();
      byId('compare').hidden = true;
      const summary = await buildWorld(preview, feed, spec);
      // The server's whole spec (defaults filled in), as the form shows it.
      const whole = await api.spec(summary.id);
      updateState({ spec: whole });
      seedInput.value = String(whole.seed);
      if (typeof whole.prompt === 'string' && whole.prompt) prompt.value = whole.prompt;
      showSpec(whole);
    }),
  );

  picker.addEventListener(
    'change',
    running(async () => {
      const worldId = picker.value;
      if (!worldId) return;
      const [spec, summary] = await Promise.all([api.spec(worldId), api.world(worldId)]);
      updateState({ worldId, spec, summary });
      seedInput.value = String(spec.seed);
      if (typeof spec.prompt === 'string' && spec.prompt) prompt.value = spec.prompt;
      showSpec(spec);
      byId('explanation').replaceChildren(byId('explanation').ownerDocument.createTextNode(`Opened ${worldId}${spec.prompt ? ` — “${String(spec.prompt)}”` : ''}. Generate to see how the prompt reads.`));
      byId('compare').replaceChildren();
      byId('compare').hidden = true;
      renderStats(byId('stats'), worldId, null, summary.stats);
      if (summary.status === 'ready') await showWorldInPreview(preview, worldId);
      else if (summary.status === 'generating') {
        const job = [...feed.jobs.values()].find((j: Job) => j.worldId === worldId && j.kind === 'generate' && (j.status === 'queued' || j.status === 'running'));
        if (job) await feed.follow(job.id);
        else await generateWorld(feed, worldId);
        await showWorldInPreview(preview, worldId);
      } else {
        previewStatus(`${worldId} is ${summary.status === 'failed' ? 'failed' : 'not generated yet'}: Regenerate to make it.`);
      }
    }),
  );
}
