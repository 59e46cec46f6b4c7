/** The sample game page's HTML (its script is bundled from play-page.ts). */
export const PLAY_PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Worldsmith — play</title></head><body><script src="/play.js"></script></body></html>`;
