/**
 * The Play tab: the sample game page in `#play-frame` (/play?world=ID), loaded only while the tab
 * is shown — leaving it blanks the frame, which closes its stream.
 */
import { byId } from './element.ts';
import { onTabChange } from './editor-tabs.ts';
import { onStateChange, state } from './editor-state.ts';

export function mountPlayTab(): void {
  const frame = byId<HTMLIFrameElement>('play-frame');
  const note = byId('play-world');
  const open = () => {
    note.textContent = state.worldId ? `Playing ${state.worldId}.` : 'No world open: the server plays its first world.';
    const src = state.worldId ? `/play?world=${encodeURIComponent(state.worldId)}` : '/play';
    if (frame.getAttribute('src') !== src) frame.src = src;
  };
  onTabChange((opened, closed) => {
    if (opened === 'play') open();
    else if (closed === 'play') frame.src = 'about:blank';
  });
  onStateChange(() => {
    if (document.body.dataset.tab === 'play') open();
  });
}
