/**
 * The sample game page's HTML (its script, /play.js, is bundled from play-page.ts): the Babylon
 * canvas, the HUD (status, fps, latency, source, quality, players) and a line of controls.
 */
export const PLAY_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Worldsmith — play</title>
<style>
  html, body { margin: 0; height: 100%; overflow: hidden; background: #000; color: #eee; font: 13px/1.4 system-ui, sans-serif; }
  #scene { position: fixed; inset: 0; width: 100%; height: 100%; display: block; outline: none; touch-action: none; }
  #hud { position: fixed; top: 10px; left: 10px; z-index: 10; padding: 8px 10px; background: rgba(0, 0, 0, 0.55); border-radius: 6px; pointer-events: none; min-width: 190px; }
  #hud table { border-collapse: collapse; }
  #hud td { padding: 0 8px 0 0; white-space: nowrap; }
  #hud td:first-child { color: #9ab; }
  #players { margin: 4px 0 0; padding-left: 16px; }
  #help { position: fixed; bottom: 10px; left: 50%; transform: translateX(-50%); z-index: 10; padding: 4px 10px; background: rgba(0, 0, 0, 0.5); border-radius: 6px; pointer-events: none; color: #ccc; }
  #status[data-status="streaming"] { color: #8e8; }
  #status[data-status="reconnecting"], #status[data-status="connecting"] { color: #ec6; }
  #status[data-status="closed"] { color: #e77; }
</style>
</head>
<body>
<canvas id="scene"></canvas>
<div id="hud">
  <table>
    <tr><td>world</td><td id="world">…</td></tr>
    <tr><td>status</td><td id="status">connecting</td></tr>
    <tr><td>fps</td><td id="fps">–</td></tr>
    <tr><td>latency</td><td id="latency">–</td></tr>
    <tr><td>source</td><td id="source">–</td></tr>
    <tr><td>quality</td><td id="quality">–</td></tr>
    <tr><td>players</td><td id="player-count">–</td></tr>
  </table>
  <ul id="players"></ul>
</div>
<div id="help">click to look with the mouse · WASD / arrows move · Q E turn · R F look · gamepad sticks</div>
<script src="/play.js"></script>
</body>
</html>
`;
