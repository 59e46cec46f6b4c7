/**
 * The timeline (`#timeline`): one `.shot` block per shot, as wide as it is long, with its id,
 * type, subject and duration; a `.shot-duration` input retimes it, `.shot-left` / `.shot-right`
 * (or dragging a block onto another) reorder, `.shot-reframe` sets its camera from the preview's.
 * The view only reports the edit; the planner checks it with the server.
 */
import type { Shot, ShotPlan } from './api-types.ts';
import { h } from './element.ts';

export interface TimelineEdits {
  retime(shotId: string, seconds: number): void;
  move(from: number, to: number): void;
  reframe(shotId: string): void;
}

const PIXELS_PER_SECOND = 36;

function subjectText(subject: unknown): string {
  if (typeof subject === 'string') return subject;
  if (subject && typeof subject === 'object') {
    const s = subject as Record<string, unknown>;
    return String(s.id ?? s.kind ?? s.ref ?? s.poi ?? s.character ?? JSON.stringify(subject));
  }
  return String(subject ?? '—');
}

export function renderTimeline(panel: HTMLElement, plan: ShotPlan, edits: TimelineEdits): void {
  let dragged: number | null = null;
  const block = (shot: Shot, index: number) => {
    const duration = h('input', { class: 'shot-duration', type: 'number', min: 0.25, step: 0.25, value: String(shot.durationSeconds), title: 'seconds' });
    duration.addEventListener('change', () => {
      const seconds = Number(duration.value);
      if (Number.isFinite(seconds) && seconds >= 0.25 && seconds !== shot.durationSeconds) edits.retime(shot.id, seconds);
    });
    const left = h('button', { class: 'shot-left small', type: 'button', title: 'earlier', disabled: index === 0 }, '◀');
    const right = h('button', { class: 'shot-right small', type: 'button', title: 'later', disabled: index === plan.shots.length - 1 }, '▶');
    const reframe = h('button', { class: 'shot-reframe small', type: 'button', title: 'use the preview camera for this shot' }, 'use preview camera');
    left.addEventListener('click', () => edits.move(index, index - 1));
    right.addEventListener('click', () => edits.move(index, index + 1));
    reframe.addEventListener('click', () => edits.reframe(shot.id));

    const element = h(
      'div',
      { class: 'shot', draggable: 'true', dataset: { shotId: shot.id, index: String(index) }, style: { width: `${Math.max(150, shot.durationSeconds * PIXELS_PER_SECOND)}px` }, title: shot.description ? String(shot.description) : '' },
      h('div', { class: 'shot-head' }, h('span', { class: 'shot-id' }, shot.id), h('span', { class: 'shot-type' }, shot.type)),
      h('div', { class: 'shot-subject' }, subjectText(shot.subject)),
      h('div', { class: 'shot-controls' }, duration, h('span', { class: 'muted' }, 's'), left, right),
      reframe,
    );
    element.addEventListener('dragstart', (event) => {
      dragged = index;
      element.classList.add('dragging');
      event.dataTransfer?.setData('text/plain', shot.id);
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    });
    element.addEventListener('dragend', () => element.classList.remove('dragging'));
    element.addEventListener('dragover', (event) => {
      event.preventDefault();
      element.classList.add('drop-target');
    });
    element.addEventListener('dragleave', () => element.classList.remove('drop-target'));
    element.addEventListener('drop', (event) => {
      event.preventDefault();
      element.classList.remove('drop-target');
      const from = dragged ?? plan.shots.findIndex((s) => s.id === event.dataTransfer?.getData('text/plain'));
      dragged = null;
      if (from >= 0 && from !== index) edits.move(from, index);
    });
    return element;
  };
  panel.replaceChildren(...plan.shots.map(block));
}
