/**
 * The editor's HTML (its script, /editor.js, is bundled from editor-main.ts): a header with the
 * tabs and the world picker, an error banner, and three columns — the left one for what the tab
 * asks of the designer, the centre for what it shows (the 3D preview on World and Cutscene), the
 * right for explanations, stats and the jobs panel, which every tab keeps.
 */
export const EDITOR_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Worldsmith — editor</title>
<style>
  :root {
    --bg: #131518; --panel: #1b1e22; --panel-2: #22262b; --line: #2d3238; --text: #d9dee4; --muted: #8b949e;
    --accent: #4c9dff; --accent-2: #2f6fc0; --good: #5fcf80; --warn: #e8b64c; --bad: #ef6b6b;
    color-scheme: dark;
  }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; background: var(--bg); color: var(--text); font: 12px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { display: flex; flex-direction: column; overflow: hidden; }
  [hidden] { display: none !important; }
  button, input, select, textarea { font: inherit; color: var(--text); background: var(--panel-2); border: 1px solid var(--line); border-radius: 4px; }
  input, select, textarea { padding: 3px 6px; min-width: 0; }
  textarea { resize: vertical; width: 100%; }
  input:focus, select:focus, textarea:focus, button:focus-visible { outline: 1px solid var(--accent); border-color: var(--accent); }
  button { padding: 4px 10px; cursor: pointer; }
  button:hover:not(:disabled) { border-color: var(--accent); }
  button:disabled { opacity: 0.5; cursor: default; }
  button.primary { background: var(--accent-2); border-color: var(--accent); color: #fff; font-weight: 600; }
  button.small { padding: 1px 6px; font-size: 11px; }
  a { color: var(--accent); }
  h2 { margin: 0 0 6px; font-size: 11px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
  .muted { color: var(--muted); }
  progress { accent-color: var(--accent); height: 8px; }

  header { display: flex; align-items: center; gap: 14px; padding: 0 12px; height: 38px; background: var(--panel); border-bottom: 1px solid var(--line); flex: none; }
  header .brand { font-weight: 700; letter-spacing: 0.02em; }
  header .brand span { color: var(--accent); }
  nav { display: flex; gap: 2px; height: 100%; }
  nav button { border: 0; border-bottom: 2px solid transparent; border-radius: 0; background: none; padding: 0 12px; color: var(--muted); }
  nav button[aria-selected="true"] { color: var(--text); border-bottom-color: var(--accent); }
  header .picker { margin-left: auto; display: flex; align-items: center; gap: 6px; }
  #world-select { max-width: 320px; }
  #busy-dot { width: 9px; height: 9px; border-radius: 50%; background: var(--line); }
  body[data-busy="1"] #busy-dot { background: var(--warn); animation: pulse 0.9s infinite alternate; }
  @keyframes pulse { to { opacity: 0.3; } }

  #error { display: flex; gap: 10px; align-items: flex-start; padding: 6px 12px; background: #3a1d20; border-bottom: 1px solid var(--bad); color: #ffd6d6; flex: none; }
  #error .error-text { flex: 1; white-space: pre-wrap; }
  #error code { color: #ffb1b1; }

  .layout { flex: 1; display: grid; grid-template-columns: 320px minmax(0, 1fr) 330px; min-height: 0; }
  .column { min-height: 0; overflow: auto; padding: 10px; display: flex; flex-direction: column; gap: 12px; }
  .left { border-right: 1px solid var(--line); background: var(--panel); }
  .right { border-left: 1px solid var(--line); background: var(--panel); }
  .centre { padding: 8px; gap: 8px; overflow: hidden; }
  .stack { display: flex; flex-direction: column; gap: 6px; }
  .row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
  .row > label { display: flex; align-items: center; gap: 4px; }
  .grow { flex: 1; }
  section.card { background: var(--panel-2); border: 1px solid var(--line); border-radius: 6px; padding: 8px; }

  /* spec form */
  #spec-form { display: flex; flex-direction: column; gap: 6px; }
  #spec-form fieldset { border: 1px solid var(--line); border-radius: 5px; margin: 0; padding: 4px 8px 6px; display: grid; grid-template-columns: 1fr; gap: 3px; }
  #spec-form fieldset.depth-0 > legend { cursor: pointer; user-select: none; }
  #spec-form fieldset.depth-0 > legend::before { content: "▾ "; color: var(--muted); }
  #spec-form fieldset.collapsed > legend::before { content: "▸ "; }
  #spec-form fieldset.collapsed > :not(legend) { display: none; }
  #spec-form legend { padding: 0 4px; font-weight: 600; color: var(--text); text-transform: capitalize; }
  #spec-form fieldset fieldset legend { color: var(--muted); font-weight: 500; }
  .field { display: grid; grid-template-columns: 112px 1fr auto; gap: 4px 6px; align-items: center; }
  .field .field-name { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .field input[type="number"] { width: 76px; grid-column: 3; }
  .field .slider { grid-column: 2; width: 100%; accent-color: var(--accent); }
  .field input[type="text"], .field select { grid-column: 2 / 4; width: 100%; }
  .field input[type="checkbox"] { grid-column: 2; justify-self: start; }
  .field.wide { grid-template-columns: 1fr; }
  .field.wide > * { grid-column: 1 !important; }
  .field textarea.json { font: 11px/1.3 ui-monospace, monospace; }
  .field [data-edited] { border-color: var(--warn); }
  .field .invalid, fieldset.invalid { border-color: var(--bad) !important; }
  .field-error { grid-column: 1 / -1; color: var(--bad); font-size: 11px; }
  fieldset > .field-error { display: block; }

  /* preview */
  .preview-area { position: relative; flex: 1; min-height: 200px; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: #0c0d0f; }
  #preview { width: 100%; height: 100%; display: block; outline: none; touch-action: none; }
  #preview-labels { position: absolute; inset: 0; pointer-events: none; overflow: hidden; }
  .preview-label { position: absolute; left: 0; top: 0; padding: 1px 6px; border-radius: 3px; background: rgba(10, 10, 14, 0.72); color: #fff; white-space: nowrap; font-size: 11px; }
  .preview-label.spawn { color: #8f8; }
  .preview-label small { color: var(--muted); }
  .preview-toolbar { position: absolute; top: 6px; left: 6px; right: 6px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; padding: 4px 8px; background: rgba(19, 21, 24, 0.78); border-radius: 5px; }
  .preview-toolbar label { display: flex; align-items: center; gap: 3px; }
  .preview-hint { position: absolute; bottom: 6px; left: 8px; color: #cfd6dd; background: rgba(0, 0, 0, 0.45); padding: 1px 6px; border-radius: 3px; pointer-events: none; }
  #preview-status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--muted); pointer-events: none; font-size: 14px; }

  /* compare */
  #compare { flex: none; display: grid; grid-template-columns: 1fr 1fr minmax(200px, 0.9fr); gap: 8px; max-height: 34%; }
  #compare figure { margin: 0; display: flex; flex-direction: column; gap: 3px; min-height: 0; }
  #compare img { width: 100%; min-height: 0; object-fit: contain; background: #0c0d0f; border: 1px solid var(--line); border-radius: 4px; }
  #compare figcaption { color: var(--muted); }
  #compare .changes { overflow: auto; margin: 0; padding-left: 16px; font-family: ui-monospace, monospace; font-size: 11px; }
  .changes .old { color: var(--bad); } .changes .new { color: var(--good); }

  /* explanation */
  #explanation .prompt-marked { background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 6px; }
  #explanation mark { background: rgba(76, 157, 255, 0.25); color: #cfe4ff; border-radius: 2px; padding: 0 1px; }
  #explanation mark.unused { background: rgba(232, 182, 76, 0.18); color: #f3d49a; }
  #explanation ul { margin: 4px 0; padding-left: 16px; }
  #explanation li { margin: 2px 0; }
  #explanation .phrase { color: #cfe4ff; font-weight: 600; }
  #explanation code, .mono { font-family: ui-monospace, monospace; font-size: 11px; color: #c6d0da; }
  #explanation details pre { white-space: pre-wrap; font-size: 11px; color: var(--muted); }
  #stats table { width: 100%; border-collapse: collapse; }
  #stats th { text-align: left; font-weight: normal; color: var(--muted); }
  #stats td { text-align: right; font-variant-numeric: tabular-nums; }
  #stats .stats-head th { color: var(--text); padding-top: 4px; border-bottom: 1px solid var(--line); }

  /* jobs */
  #jobs { display: flex; flex-direction: column; gap: 4px; max-height: 320px; overflow: auto; }
  .job { border: 1px solid var(--line); border-radius: 4px; padding: 4px 6px; background: var(--bg); }
  .job-line { display: flex; gap: 6px; align-items: center; }
  .job-kind { font-weight: 600; }
  .job-world { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
  .job-progress { flex: 1; }
  .job-percent { width: 34px; text-align: right; color: var(--muted); font-variant-numeric: tabular-nums; }
  .status-running { color: var(--accent); } .status-queued { color: var(--warn); } .status-done { color: var(--good); }
  .status-failed { color: var(--bad); } .status-cancelled { color: var(--muted); }
  .job-error { color: var(--bad); font-size: 11px; }
  .job-stage { font-size: 11px; }

  /* textures */
  .texture-stage { flex: 1; min-height: 0; display: grid; grid-template-rows: minmax(0, 1fr) auto; gap: 8px; }
  #texture-preview { width: 100%; height: 100%; display: block; border: 1px solid var(--line); border-radius: 6px; background: #0c0d0f; }
  #texture-maps { display: flex; gap: 8px; flex-wrap: wrap; overflow: auto; max-height: 180px; }
  #texture-maps figure { margin: 0; text-align: center; }
  #texture-maps img { width: 112px; height: 112px; object-fit: cover; display: block; border: 1px solid var(--line); border-radius: 4px; image-rendering: auto; }
  #texture-maps figcaption { color: var(--muted); font-size: 11px; }
  #texture-library { display: flex; flex-direction: column; gap: 4px; }
  .library-item { display: flex; gap: 6px; align-items: center; }
  .library-item img { width: 32px; height: 32px; border-radius: 3px; border: 1px solid var(--line); }
  #texture-words ul { margin: 4px 0; padding-left: 16px; }

  /* cutscene */
  .timeline-area { flex: none; display: flex; flex-direction: column; gap: 4px; }
  #timeline { display: flex; gap: 3px; overflow-x: auto; padding-bottom: 4px; min-height: 98px; }
  .shot { flex: none; min-width: 112px; border: 1px solid var(--line); border-radius: 5px; background: var(--panel-2); padding: 4px 6px; display: flex; flex-direction: column; gap: 2px; cursor: grab; }
  .shot.dragging { opacity: 0.4; } .shot.drop-target { border-color: var(--accent); }
  .shot .shot-head { display: flex; justify-content: space-between; gap: 4px; font-weight: 600; }
  .shot .shot-type { color: var(--accent); }
  .shot .shot-subject { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .shot .shot-controls { display: flex; gap: 3px; align-items: center; }
  .shot .shot-duration { width: 58px; }
  #plan-error { color: var(--bad); }
  #plan-notes ul, #plan-explanation { margin: 4px 0; padding-left: 16px; }
  #plan-explanation { white-space: pre-wrap; overflow-wrap: anywhere; padding-left: 0; font-size: 11px; color: var(--muted); }
  #cutscene-video { width: 100%; border-radius: 4px; background: #000; }
  #cutscene-downloads { display: flex; flex-wrap: wrap; gap: 4px 10px; }
  #render-progress { width: 100%; }

  /* play + exports */
  #play-frame { flex: 1; width: 100%; border: 1px solid var(--line); border-radius: 6px; background: #000; }
  #exports { display: flex; flex-direction: column; gap: 6px; max-width: 640px; }
  #exports .export { display: flex; gap: 10px; align-items: baseline; padding: 6px 8px; border: 1px solid var(--line); border-radius: 5px; background: var(--panel-2); }
  #exports .export a { font-weight: 600; min-width: 190px; }
</style>
</head>
<body data-busy="0">
<header>
  <div class="brand">Worldsmith <span>editor</span></div>
  <nav role="tablist">
    <button type="button" role="tab" id="tab-world" data-tab="world" aria-selected="true">World</button>
    <button type="button" role="tab" id="tab-textures" data-tab="textures">Textures</button>
    <button type="button" role="tab" id="tab-cutscene" data-tab="cutscene">Cutscene</button>
    <button type="button" role="tab" id="tab-play" data-tab="play">Play</button>
    <button type="button" role="tab" id="tab-exports" data-tab="exports">Exports</button>
  </nav>
  <div class="picker">
    <label for="world-select" class="muted">world</label>
    <select id="world-select" title="Reopen a world this server knows (GET /api/worlds)"><option value="">— none —</option></select>
    <div id="busy-dot" title="busy while a request or a job the page waits for is in flight"></div>
  </div>
</header>
<div id="error" role="alert" hidden><div class="error-text"></div><button type="button" class="small" id="error-close">dismiss</button></div>

<main class="layout">
  <aside class="left column">
    <div class="stack" data-tab-panel="world">
      <h2>Prompt</h2>
      <textarea id="prompt" rows="4" placeholder="a small grassy valley with a river and a tower">a small grassy valley with a river and a tower</textarea>
      <div class="row">
        <label>seed <input id="seed" type="number" min="0" max="4294967295" step="1" value="3" style="width: 110px"></label>
        <label title="Locked: Generate and Regenerate keep this seed. Unlocked: each one rolls the next seed."><input id="seed-lock" type="checkbox" checked> lock seed</label>
        <button id="generate" type="button" class="primary grow">Generate</button>
      </div>
      <h2 style="margin-top: 6px">Spec</h2>
      <label class="muted" title="A spec.json from worldsmith generate or interpret --json: read in the browser, sent as JSON, generated.">open a spec file <input id="spec-open" type="file" accept=".json,application/json"></label>
      <form id="spec-form" autocomplete="off" onsubmit="return false"><p class="muted">Loading the WorldSpec schema…</p></form>
      <button id="regenerate" type="button" class="primary" disabled>Regenerate from the form</button>
    </div>
    <div class="stack" data-tab-panel="textures" hidden>
      <h2>Texture lab</h2>
      <input id="texture-description" type="text" placeholder="mossy cobblestone, wet, dark grey">
      <div class="row">
        <label>size <select id="texture-size"><option value="256">256</option><option value="512" selected>512</option><option value="1024">1024</option></select></label>
        <button id="texture-make" type="button" class="primary grow">Make texture</button>
      </div>
      <button id="texture-save" type="button" disabled title="POST /api/worlds/:id/library">Save to the world's library</button>
      <div id="texture-words" class="stack"></div>
      <h2 style="margin-top: 6px">World library</h2>
      <div id="texture-library"><p class="muted">Open a world to see its library.</p></div>
    </div>
    <div class="stack" data-tab-panel="cutscene" hidden>
      <h2>Storyboard</h2>
      <textarea id="storyboard" rows="5" placeholder="wide establishing shot of the valley at dawn; follow the wanderer to the tower"></textarea>
      <button id="plan-make" type="button" class="primary">Plan shots</button>
      <div id="plan-notes" class="stack"></div>
      <h2 style="margin-top: 6px">Render</h2>
      <div class="row">
        <label>size <select id="render-size"><option value="320x180">320×180</option><option value="640x360" selected>640×360</option><option value="1280x720">1280×720</option></select></label>
        <label>fps <select id="render-fps"><option value="24" selected>24</option><option value="30">30</option></select></label>
      </div>
      <div class="row">
        <button id="cutscene-render" type="button" class="primary grow" disabled>Render cutscene</button>
        <button id="render-cancel" type="button" disabled>Cancel</button>
      </div>
      <progress id="render-progress" max="100" value="0"></progress>
      <div id="render-stage" class="muted">Not rendering.</div>
    </div>
    <div class="stack" data-tab-panel="play" hidden>
      <h2>Play</h2>
      <p>The world streamed from the server as a game would see it.</p>
      <p class="muted">Click the frame to look with the mouse · WASD / arrows walk · Q E turn · R F look. The frame shows its fps and the action-to-frame latency.</p>
      <p id="play-world" class="muted"></p>
    </div>
    <div class="stack" data-tab-panel="exports" hidden>
      <h2>Exports</h2>
      <p class="muted">Everything made for the open world, as files. Links download directly from the server.</p>
    </div>
  </aside>

  <section class="centre column">
    <div class="preview-area" data-tab-panel="world cutscene">
      <canvas id="preview"></canvas>
      <div id="preview-labels"></div>
      <div id="preview-status">Generate a world, or open one from the list above.</div>
      <div class="preview-toolbar">
        <label>camera <select id="camera-mode"><option value="fly" selected>fly</option><option value="walk">walk</option></select></label>
        <label><input id="toggle-colliders" type="checkbox"> colliders</label>
        <label><input id="toggle-navmesh" type="checkbox"> navmesh</label>
        <label><input id="toggle-poi" type="checkbox"> points of interest</label>
        <label><input id="toggle-chunks" type="checkbox"> chunks</label>
      </div>
      <div class="preview-hint">drag to look · WASD / arrows move · Q E down/up</div>
    </div>
    <div id="compare" data-tab-panel="world" hidden></div>
    <div class="timeline-area" data-tab-panel="cutscene" hidden>
      <div class="row"><h2 class="grow" style="margin: 0">Timeline</h2><span id="plan-duration" class="muted"></span><a id="plan-download" download="plan.json" hidden>download plan</a></div>
      <div id="timeline"><p class="muted">Plan shots from a storyboard to see them here.</p></div>
      <div id="plan-error" role="alert"></div>
    </div>
    <div class="texture-stage" data-tab-panel="textures" hidden>
      <canvas id="texture-preview"></canvas>
      <div id="texture-maps"><p class="muted">Describe a surface and make a texture set.</p></div>
    </div>
    <iframe id="play-frame" title="play the world" data-tab-panel="play" hidden></iframe>
    <div data-tab-panel="exports" hidden><div id="exports"><p class="muted">Open a world first.</p></div></div>
  </section>

  <aside class="right column">
    <section class="card" data-tab-panel="world"><h2>Explanation</h2><div id="explanation"><p class="muted">What the prompt's words did shows here.</p></div></section>
    <section class="card" data-tab-panel="world cutscene"><h2>Stats</h2><div id="stats"><p class="muted">No world loaded.</p></div></section>
    <section class="card" data-tab-panel="cutscene" hidden><h2>Cutscene</h2>
      <video id="cutscene-video" controls hidden></video>
      <div id="cutscene-downloads"><p class="muted">Render the plan to get a film.</p></div>
    </section>
    <section class="card"><h2>Jobs</h2><div id="jobs"></div></section>
  </aside>
</main>
<script src="/editor.js"></script>
</body>
</html>
`;
