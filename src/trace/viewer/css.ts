// Styles of the offline trace viewer, one block per feature (the page inlines them in this order).

const BASE = String.raw`
:root { --bg:#fbfbfd; --panel:#fff; --ink:#1d2330; --muted:#6b7280; --line:#e3e6ee; --accent:#3b5bdb;
  --ok:#2b8a3e; --bad:#c92a2a; --halt:#d9480f; --boot:#eef2ff; --ee:#ecfdf3; --sys:#fff7ed; --sel:#e7f0ff; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
code, .mono { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace; font-size:12.5px; }
header { padding:12px 20px; border-bottom:1px solid var(--line); background:var(--panel); display:flex; gap:20px; align-items:flex-start; }
header .title { flex:1; min-width:0; }
header h1 { margin:0 0 4px; font-size:18px; }
header .desc { color:var(--muted); max-width:1000px; }
header .txs { margin-top:8px; display:flex; gap:10px; flex-wrap:wrap; }
.txchip { border:1px solid var(--line); border-radius:6px; padding:3px 8px; background:#f8f9fb; cursor:pointer; }
.txchip:hover { border-color:#b6ccfb; }
.txchip.selected { background:var(--sel); border-color:#b6ccfb; }
main { display:grid; grid-template-columns:minmax(340px,38%) 1fr; gap:0; min-height:50vh; }
#tree { border-right:1px solid var(--line); padding:10px 8px 16px; overflow:auto; background:var(--panel); max-height:80vh; }
#details { padding:14px 20px 20px; overflow:auto; max-height:80vh; }
h2 { font-size:13px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:18px 0 6px; }
h2:first-child { margin-top:4px; }
table { border-collapse:collapse; width:100%; margin:2px 0 6px; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; }
td.k { width:150px; color:var(--muted); }
tr.rolledback td { color:#9aa0aa; text-decoration:line-through; }
.muted { color:var(--muted); }
.hex { word-break:break-all; background:#f6f7f9; border:1px solid var(--line); border-radius:6px; padding:6px 8px; max-height:160px; overflow:auto; }
.banner { border:1px solid #ffc9c9; background:#fff5f5; color:#862e2e; border-radius:8px; padding:8px 12px; margin:8px 0; }
.kind { font-size:11px; font-weight:600; border-radius:4px; padding:0 5px; background:#eef1f6; color:#334; }
.kind.create, .kind.create2 { background:#f3e8ff; color:#5f3dc4; }
.kind.hook { background:#fff3bf; color:#7a5b00; }
.kind.delegatecall, .kind.staticcall, .kind.callcode { background:#e3fafc; color:#0b7285; }
.outcome { font-size:11px; font-weight:600; border-radius:4px; padding:0 5px; }
.outcome.success { color:var(--ok); background:#ebfbee; }
.outcome.revert { color:var(--bad); background:#fff5f5; }
.outcome.halt { color:var(--halt); background:#fff4e6; }
.fn { color:#1864ab; }
.fn .args { color:#495057; }
.reason { color:var(--bad); font-weight:600; }
.wei { color:var(--muted); font-size:12px; }
section.band { border-top:1px solid var(--line); padding:10px 20px 16px; background:var(--panel); }
section.band > h2 { margin-top:2px; }
`;

const SEARCH = String.raw`
.search { display:flex; flex-direction:column; gap:4px; align-items:flex-end; min-width:320px; }
.search input { width:340px; padding:6px 10px; border:1px solid var(--line); border-radius:8px; font:inherit; }
.search input:focus { outline:2px solid #b6ccfb; border-color:#b6ccfb; }
.search .hint { color:var(--muted); font-size:12px; }
.node.match { box-shadow: inset 3px 0 0 #f59f00; background:#fff9db; }
.node.nomatch { opacity:.38; }
.flame .fr.nomatch { opacity:.25; }
`;

const TREE = String.raw`
ul.frames { list-style:none; margin:0; padding-left:16px; }
#tree > ul.frames { padding-left:0; }
.txhead { font-weight:600; margin:8px 4px 4px; padding:2px 6px; border-radius:6px; cursor:pointer; }
.txhead:hover { background:#f3f5f9; }
.txhead.selected { background:var(--sel); outline:1px solid #b6ccfb; }
.node { display:flex; align-items:center; gap:6px; padding:3px 6px; border-radius:6px; cursor:pointer; white-space:nowrap; }
.node:hover { background:#f3f5f9; }
.node:focus { outline:none; }
.node:focus-visible { outline:2px solid var(--accent); }
.node.selected { background:var(--sel); outline:1px solid #b6ccfb; }
.node .fn { font-size:12.5px; overflow:hidden; text-overflow:ellipsis; max-width:260px; }
.toggle { width:16px; text-align:center; color:var(--muted); user-select:none; }
.toggle.leaf { visibility:hidden; }
li.collapsed > ul { display:none; }
.revert-mark { color:var(--bad); font-weight:700; font-size:11px; border:1px solid #ffc9c9; border-radius:4px; padding:0 4px; background:#fff5f5; }
.rolled { color:var(--bad); font-size:11px; }
.node.reverted .who { text-decoration: line-through; text-decoration-color:#e03131; }
.gasnote { color:var(--muted); font-size:12px; }
`;

const DETAILS = String.raw`
.states { display:flex; flex-wrap:wrap; align-items:center; gap:4px; }
.state { border:1px solid var(--line); border-radius:12px; padding:1px 9px; background:#fff; font-size:12.5px; }
.state.success { border-color:#8ce99a; background:#ebfbee; }
.state.revert, .state.halt { border-color:#ffa8a8; background:#fff5f5; }
.state.awaiting-child { border-color:#a5d8ff; background:#e7f5ff; }
.arrow { color:var(--muted); }
.gasbar { height:8px; background:#edf0f5; border-radius:4px; overflow:hidden; width:260px; display:inline-block; vertical-align:middle; margin-left:8px; }
.gasbar > span { display:block; height:100%; background:var(--accent); }
table.diff td.before { color:#862e2e; }
table.diff td.after { color:#2b8a3e; }
table.diff tr.acct td { border-top:2px solid var(--line); font-weight:600; }
.tag { font-size:11px; border-radius:4px; padding:0 5px; margin-left:6px; }
.tag.created { background:#ebfbee; color:var(--ok); }
.tag.deleted { background:#fff5f5; color:var(--bad); }
`;

const FLAME = String.raw`
.flame-tx { margin:4px 0 10px; }
.flame-tx .cap { font-size:12.5px; color:var(--muted); margin:0 0 3px; }
.flame { position:relative; border:1px solid var(--line); border-radius:6px; background:#fafbfc; overflow:hidden; }
.flame .fr { position:absolute; height:22px; border-radius:3px; border:1px solid rgba(255,255,255,.9); padding:2px 6px;
  font-size:12px; line-height:16px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; cursor:pointer; color:#1d2330; }
.flame .fr.call { background:#a5d8ff; } .flame .fr.create, .flame .fr.create2 { background:#d0bfff; }
.flame .fr.staticcall, .flame .fr.delegatecall, .flame .fr.callcode { background:#99e9f2; }
.flame .fr.hook { background:#ffec99; }
.flame .fr.revert, .flame .fr.halt { background-image:repeating-linear-gradient(135deg, rgba(224,49,49,.28) 0 6px, transparent 6px 12px); color:#862e2e; }
.flame .fr:hover { filter:brightness(.95); }
.flame .fr.context { opacity:.7; }
.flame .fr { min-width:3px; }
.flame .fr.selected { outline:2px solid var(--ink); z-index:2; }
.legend { display:flex; gap:12px; font-size:12px; color:var(--muted); margin:0 0 6px; flex-wrap:wrap; }
.legend i { display:inline-block; width:12px; height:10px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
`;

const STEPS = String.raw`
.steps-wrap { max-height:340px; overflow:auto; border:1px solid var(--line); border-radius:6px; }
table.steps { margin:0; font-size:12px; }
table.steps th { position:sticky; top:0; background:var(--panel); z-index:1; }
table.steps td { padding:1px 8px; border-bottom:1px solid #f1f3f5; white-space:nowrap; }
table.steps td.op { font-weight:600; }
table.steps tr.spawn td { background:#e7f5ff; }
table.steps tr.hot td.cost { color:var(--bad); font-weight:600; }
table.steps td.stack { color:#495057; max-width:520px; overflow:hidden; text-overflow:ellipsis; }
.hotops { display:flex; gap:6px; flex-wrap:wrap; margin:4px 0 8px; }
.hotops span { border:1px solid var(--line); border-radius:10px; padding:0 8px; font-size:12px; background:#f8f9fb; }
button.more { margin:6px 0; font:inherit; font-size:12.5px; padding:3px 10px; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
`;

const TIMELINE = String.raw`
.lanes { display:grid; grid-template-columns:60px 1fr 1fr 1fr; font-size:12.5px; }
.lanes .lh { position:sticky; top:0; font-weight:600; padding:6px 8px; border-bottom:2px solid var(--line); background:var(--panel); z-index:1; }
.lanes .lh.bootloader { color:#3b5bdb; } .lanes .lh.ee { color:#2b8a3e; } .lanes .lh.system { color:#d9480f; }
.lanes .c { padding:2px 8px; border-bottom:1px dotted #eef0f4; min-height:22px; }
.lanes .seq { color:var(--muted); text-align:right; }
.ev { border-radius:5px; padding:1px 6px; display:inline-block; cursor:pointer; }
.ev.bootloader { background:var(--boot); } .ev.ee { background:var(--ee); } .ev.system { background:var(--sys); }
.ev.snapshot-revert { background:#ffe3e3; color:#a61e1e; font-weight:600; }
.ev.rolledback { text-decoration:line-through; color:#9aa0aa; }
.ev.hl { outline:2px solid var(--accent); }
#timeline { max-height:460px; overflow:auto; border:1px solid var(--line); border-radius:8px; position:relative; }
.filters { margin:4px 0 8px; color:var(--muted); }
`;

export const VIEWER_CSS = [BASE, SEARCH, TREE, DETAILS, FLAME, STEPS, TIMELINE].join('');
