/**
 * Whether the page is waiting on anything: every request the page makes, and every flow a designer
 * started (a generate that waits for its job and loads the glb), holds the page busy until it
 * settles. `document.body.dataset.busy` is "1" while anything is held, "0" otherwise — tests wait on
 * it, and the header's spinner shows it.
 */

let held = 0;

function show(): void {
  document.body.dataset.busy = held > 0 ? '1' : '0';
}

/** Holds the page busy until `work` settles, and hands back its result. */
export async function whileBusy<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
  held++;
  show();
  try {
    return await (typeof work === 'function' ? work() : work);
  } finally {
    held--;
    show();
  }
}

export function markIdle(): void {
  show();
}
