/**
 * The error banner (`#error`): what went wrong, in the server's words — its code, message and the
 * JSON path at fault — until dismissed or the next action succeeds.
 */
import { ApiError } from './api-client.ts';
import { byId, h } from './element.ts';

export function showError(error: unknown): void {
  const banner = byId('error');
  const text = banner.querySelector('.error-text')!;
  if (error instanceof ApiError) {
    text.replaceChildren(h('code', {}, error.code), ` ${error.message}`, error.path ? h('span', {}, ' at ', h('code', { class: 'error-path' }, error.path)) : '', error.route ? h('span', { class: 'muted' }, ` (${error.route})`) : '');
  } else {
    text.replaceChildren(error instanceof Error ? error.message : String(error));
  }
  banner.dataset.code = error instanceof ApiError ? error.code : 'ERROR';
  banner.hidden = false;
  console.warn('worldsmith editor:', error);
}

export function clearError(): void {
  byId('error').hidden = true;
}

export function mountErrorBanner(): void {
  byId('error-close').addEventListener('click', clearError);
}
