// CSS and script of the offline trace viewer (src/trace/html.ts inlines them). Plain ES2017 in the browser,
// no libraries, no network: the page reads the trace from <script id="trace-data" type="application/json">.
// (Kept free of backticks and dollar-brace so it can live in a String.raw literal.)

export const VIEWER_CSS = String.raw`
:root { --bg:#fbfbfd; --panel:#fff; --ink:#1d2330; --muted:#6b7280; --line:#e3e6ee; --accent:#3b5bdb;
  --ok:#2b8a3e; --bad:#c92a2a; --halt:#d9480f; --boot:#eef2ff; --ee:#ecfdf3; --sys:#fff7ed; --sel:#e7f0ff; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:var(--bg); }
code, .mono { font-family: ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12.5px; }
header { padding:14px 20px; border-bottom:1px solid var(--line); background:var(--panel); }
header h1 { margin:0 0 4px; font-size:18px; }
header .desc { color:var(--muted); max-width:1100px; }
header .txs { margin-top:8px; display:flex; gap:10px; flex-wrap:wrap; }
.txchip { border:1px solid var(--line); border-radius:6px; padding:3px 8px; background:#f8f9fb; }
main { display:grid; grid-template-columns:minmax(320px,38%) 1fr; gap:0; min-height:50vh; }
#tree { border-right:1px solid var(--line); padding:10px 8px 16px; overflow:auto; background:var(--panel); }
#details { padding:14px 20px 20px; overflow:auto; }
h2 { font-size:13px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); margin:18px 0 6px; }
h2:first-child { margin-top:4px; }
ul.frames { list-style:none; margin:0; padding-left:16px; }
#tree > ul.frames { padding-left:0; }
.txhead { font-weight:600; margin:8px 4px 4px; }
.node { display:flex; align-items:center; gap:6px; padding:3px 6px; border-radius:6px; cursor:pointer; white-space:nowrap; }
.node:hover { background:#f3f5f9; }
.node.selected { background:var(--sel); outline:1px solid #b6ccfb; }
.toggle { width:16px; text-align:center; color:var(--muted); user-select:none; }
.toggle.leaf { visibility:hidden; }
li.collapsed > ul { display:none; }
.kind { font-size:11px; font-weight:600; border-radius:4px; padding:0 5px; background:#eef1f6; color:#334; }
.kind.create, .kind.create2 { background:#f3e8ff; color:#5f3dc4; }
.kind.hook { background:#fff3bf; color:#7a5b00; }
.kind.delegatecall, .kind.staticcall, .kind.callcode { background:#e3fafc; color:#0b7285; }
.outcome { font-size:11px; font-weight:600; border-radius:4px; padding:0 5px; }
.outcome.success { color:var(--ok); background:#ebfbee; }
.outcome.revert { color:var(--bad); background:#fff5f5; }
.outcome.halt { color:var(--halt); background:#fff4e6; }
.revert-mark { color:var(--bad); font-weight:700; font-size:11px; border:1px solid #ffc9c9; border-radius:4px; padding:0 4px; background:#fff5f5; }
.rolled { color:var(--bad); font-size:11px; }
.node.reverted .who { text-decoration: line-through; text-decoration-color:#e03131; }
.gasnote { color:var(--muted); font-size:12px; }
table { border-collapse:collapse; width:100%; margin:2px 0 6px; }
th, td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); font-weight:600; }
td.k { width:150px; color:var(--muted); }
tr.rolledback td { color:#9aa0aa; text-decoration:line-through; }
.states { display:flex; flex-wrap:wrap; align-items:center; gap:4px; }
.state { border:1px solid var(--line); border-radius:12px; padding:1px 9px; background:#fff; font-size:12.5px; }
.state.success { border-color:#8ce99a; background:#ebfbee; }
.state.revert, .state.halt { border-color:#ffa8a8; background:#fff5f5; }
.state.awaiting-child { border-color:#a5d8ff; background:#e7f5ff; }
.arrow { color:var(--muted); }
.hex { word-break:break-all; background:#f6f7f9; border:1px solid var(--line); border-radius:6px; padding:6px 8px; max-height:160px; overflow:auto; }
.banner { border:1px solid #ffc9c9; background:#fff5f5; color:#862e2e; border-radius:8px; padding:8px 12px; margin:8px 0; }
.gasbar { height:8px; background:#edf0f5; border-radius:4px; overflow:hidden; width:260px; display:inline-block; vertical-align:middle; margin-left:8px; }
.gasbar > span { display:block; height:100%; background:var(--accent); }
#timeline-section { border-top:1px solid var(--line); padding:10px 20px 30px; background:var(--panel); }
.lanes { display:grid; grid-template-columns:60px 1fr 1fr 1fr; font-size:12.5px; }
.lanes .lh { position:sticky; top:0; font-weight:600; padding:6px 8px; border-bottom:2px solid var(--line); background:var(--panel); }
.lanes .lh.bootloader { color:#3b5bdb; } .lanes .lh.ee { color:#2b8a3e; } .lanes .lh.system { color:#d9480f; }
.lanes .c { padding:2px 8px; border-bottom:1px dotted #eef0f4; min-height:22px; }
.lanes .seq { color:var(--muted); text-align:right; }
.ev { border-radius:5px; padding:1px 6px; display:inline-block; cursor:pointer; }
.ev.bootloader { background:var(--boot); } .ev.ee { background:var(--ee); } .ev.system { background:var(--sys); }
.ev.snapshot-revert { background:#ffe3e3; color:#a61e1e; font-weight:600; }
.ev.rolledback { text-decoration:line-through; color:#9aa0aa; }
.ev.hl { outline:2px solid var(--accent); }
#timeline { max-height:460px; overflow:auto; border:1px solid var(--line); border-radius:8px; }
.filters { margin:4px 0 8px; color:var(--muted); }
.muted { color:var(--muted); }
`;

export const VIEWER_JS = String.raw`
(function () {
  'use strict';
  var trace = JSON.parse(document.getElementById('trace-data').textContent);
  var frames = trace.frames;
  var labels = trace.labels || {};
  var selected = null;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'class') e.className = attrs[k];
      else if (k === 'text') e.textContent = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function short(h) { return h && h.length > 14 ? h.slice(0, 6) + '\u2026' + h.slice(-4) : h; }
  function name(a) { return labels[a] ? labels[a] + ' (' + short(a) + ')' : short(a); }
  function nameShort(a) { return labels[a] || short(a); }
  function big(h) { try { return BigInt(h).toString(); } catch (e) { return h; } }
  function bytesLen(h) { return Math.max(0, (h.length - 2) / 2); }

  // ---- header ----
  var hdr = document.getElementById('hdr');
  hdr.appendChild(el('h1', { text: 'zkos run \u2014 ' + trace.scenario.name + ' (' + trace.scenario.profile + ')' }));
  if (trace.scenario.description) hdr.appendChild(el('div', { class: 'desc', text: trace.scenario.description }));
  var txs = el('div', { class: 'txs' });
  trace.transactions.forEach(function (t) {
    var s = t.valid ? t.status : 'rejected';
    txs.appendChild(el('span', { class: 'txchip', 'data-tx': String(t.index) }, [
      'tx ' + t.index + ': ' + nameShort(t.from) + ' \u2192 ' + (t.to ? nameShort(t.to) : 'create') + ' ',
      el('span', { class: 'outcome ' + (t.valid ? t.status : 'halt'), text: s }),
      t.valid ? ' gas used ' + big(t.gasUsed) : ' ' + (t.error || '')
    ]));
  });
  hdr.appendChild(txs);

  // ---- frame tree ----
  var tree = document.getElementById('tree');
  var nodes = {};
  function frameNode(f) {
    var li = el('li', { 'data-frame-li': String(f.id) });
    var hasKids = f.children.length > 0;
    var tog = el('span', { class: 'toggle' + (hasKids ? '' : ' leaf'), text: '\u25be', title: 'collapse / expand' });
    tog.addEventListener('click', function (ev) {
      ev.stopPropagation();
      li.classList.toggle('collapsed');
      tog.textContent = li.classList.contains('collapsed') ? '\u25b8' : '\u25be';
    });
    var who = f.kind === 'create' || f.kind === 'create2'
      ? nameShort(f.caller) + ' \u21d2 ' + nameShort(f.createdAddress || f.address)
      : nameShort(f.caller) + ' \u2192 ' + nameShort(f.codeAddress);
    var node = el('div', { class: 'node' + (f.reverted ? ' reverted' : ''), 'data-frame-id': String(f.id), role: 'treeitem', tabindex: '0' }, [
      tog,
      el('span', { class: 'kind ' + f.kind, text: f.kind }),
      el('span', { class: 'who', text: '#' + f.id + ' ' + who }),
      el('span', { class: 'outcome ' + f.outcome, text: f.outcome }),
      f.reverted ? el('span', { class: 'revert-mark', 'data-testid': 'revert-mark', title: 'this frame\u2019s snapshot was reverted', text: '\u21ba reverted' }) : null,
      !f.reverted && f.rolledBackBy != null ? el('span', { class: 'rolled', title: 'rolled back by frame #' + f.rolledBackBy, text: '\u21ba by #' + f.rolledBackBy }) : null,
      el('span', { class: 'gasnote', text: f.gasUsed.toLocaleString('en-US') + ' gas' })
    ]);
    node.addEventListener('click', function () { select(f.id); });
    node.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); select(f.id); } });
    nodes[f.id] = node;
    li.appendChild(node);
    if (hasKids) {
      var ul = el('ul', { class: 'frames' });
      f.children.forEach(function (c) { ul.appendChild(frameNode(frames[c])); });
      li.appendChild(ul);
    }
    return li;
  }
  trace.transactions.forEach(function (t) {
    tree.appendChild(el('div', { class: 'txhead', text: 'Transaction ' + t.index + (t.label ? ' \u2014 ' + t.label : '') }));
    var ul = el('ul', { class: 'frames', role: 'tree' });
    if (t.rootFrame != null) ul.appendChild(frameNode(frames[t.rootFrame]));
    else ul.appendChild(el('li', { class: 'muted', text: t.valid ? 'no frame' : 'rejected: ' + t.error }));
    tree.appendChild(ul);
  });

  // ---- details ----
  var details = document.getElementById('details');
  function kv(rows) {
    return el('table', null, rows.filter(Boolean).map(function (r) {
      return el('tr', null, [el('td', { class: 'k', text: r[0] }), el('td', null, [typeof r[1] === 'string' ? el('span', { class: r[2] || '', text: r[1] }) : r[1]])]);
    }));
  }
  function hexBlock(h) { return el('div', { class: 'hex mono', text: h === '0x' ? '(empty)' : h }); }
  function table(head, rows) {
    return el('table', null, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))].concat(rows));
  }
  function select(id) {
    var f = frames[id];
    if (!f) return;
    if (selected != null && nodes[selected]) nodes[selected].classList.remove('selected');
    selected = id;
    nodes[id].classList.add('selected');
    details.innerHTML = '';
    details.setAttribute('data-frame', String(id));
    details.appendChild(el('h2', { text: 'Frame #' + f.id + ' \u2014 ' + f.kind }));
    if (f.reverted) details.appendChild(el('div', { class: 'banner', 'data-testid': 'revert-banner',
      text: '\u21ba Snapshot reverted: this frame ended in ' + f.outcome + (f.haltReason ? ' (' + f.haltReason + ')' : '') +
        '; its storage writes, balance changes and logs (and those of its sub-frames) were rolled back.' }));
    else if (f.rolledBackBy != null) details.appendChild(el('div', { class: 'banner',
      text: '\u21ba Rolled back: frame #' + f.rolledBackBy + ' reverted its snapshot, undoing this frame\u2019s effects.' }));
    var pct = f.gas > 0 ? Math.min(100, Math.round(f.gasUsed * 100 / f.gas)) : 0;
    var bar = el('span', null, [f.gasUsed.toLocaleString('en-US') + ' of ' + f.gas.toLocaleString('en-US') + ' (' + pct + '%)',
      el('span', { class: 'gasbar' }, [el('span', { style: 'width:' + pct + '%' })])]);
    details.appendChild(kv([
      ['caller', name(f.caller), 'mono'],
      ['address (this)', name(f.address), 'mono'],
      f.codeAddress !== f.address ? ['code address', name(f.codeAddress), 'mono'] : null,
      ['value', big(f.value) + ' wei'],
      ['depth', String(f.depth)],
      ['gas', bar],
      ['outcome', f.outcome + (f.haltReason ? ' (' + f.haltReason + ')' : ''), 'outcome ' + f.outcome],
      f.createdAddress ? ['created', name(f.createdAddress), 'mono'] : null,
      ['parent', f.parent == null ? '(transaction)' : '#' + f.parent]
    ]));
    details.appendChild(el('h2', { text: 'State timeline' }));
    var st = el('div', { class: 'states', 'data-testid': 'states' });
    f.transitions.forEach(function (t, i) {
      if (i) st.appendChild(el('span', { class: 'arrow', text: '\u2192' }));
      st.appendChild(el('span', { class: 'state ' + t.state, title: 'seq ' + t.seq, text: t.state }));
    });
    details.appendChild(st);
    details.appendChild(el('h2', { text: (f.kind === 'create' || f.kind === 'create2' ? 'Init code' : 'Call data') + ' (' + bytesLen(f.input) + ' bytes)' }));
    details.appendChild(hexBlock(f.input));
    details.appendChild(el('h2', { text: 'Return data (' + bytesLen(f.returnData) + ' bytes)' }));
    details.appendChild(hexBlock(f.returnData));
    details.appendChild(el('h2', { text: 'Storage (' + f.storage.length + ')' }));
    if (f.storage.length) details.appendChild(table(['#', 'op', 'account', 'slot', 'value'], f.storage.map(function (s) {
      return el('tr', { class: s.rolledBack ? 'rolledback' : '' }, [
        el('td', { class: 'muted', text: String(s.seq) }), el('td', { text: s.op }),
        el('td', { class: 'mono', text: nameShort(s.address) }), el('td', { class: 'mono', text: s.slot }),
        el('td', { class: 'mono', text: s.op === 'read' ? s.value : s.before + ' \u2192 ' + s.value + (s.rolledBack ? '  (rolled back)' : '') })]);
    }))); else details.appendChild(el('div', { class: 'muted', text: 'none' }));
    details.appendChild(el('h2', { text: 'Balance, nonce and code changes (' + f.accounts.length + ')' }));
    if (f.accounts.length) details.appendChild(table(['#', 'account', 'field', 'change'], f.accounts.map(function (a) {
      return el('tr', { class: a.rolledBack ? 'rolledback' : '' }, [
        el('td', { class: 'muted', text: String(a.seq) }), el('td', { class: 'mono', text: nameShort(a.address) }), el('td', { text: a.field }),
        el('td', { class: 'mono', text: big(a.before) + ' \u2192 ' + big(a.after) + (a.field === 'code' ? ' bytes' : '') })]);
    }))); else details.appendChild(el('div', { class: 'muted', text: 'none' }));
    details.appendChild(el('h2', { text: 'Logs (' + f.logs.length + ')' }));
    if (f.logs.length) details.appendChild(table(['#', 'address', 'topics', 'data'], f.logs.map(function (l) {
      return el('tr', { class: l.rolledBack ? 'rolledback' : '' }, [
        el('td', { class: 'muted', text: String(l.seq) }), el('td', { class: 'mono', text: nameShort(l.address) }),
        el('td', { class: 'mono', text: l.topics.map(short).join(' ') }), el('td', { class: 'mono', text: short(l.data) })]);
    }))); else details.appendChild(el('div', { class: 'muted', text: 'none' }));
    var evs = document.querySelectorAll('.ev');
    for (var i = 0; i < evs.length; i++) evs[i].classList.toggle('hl', evs[i].getAttribute('data-frame') === String(id));
  }

  // ---- timeline: bootloader / execution environments / system lanes ----
  var tl = document.getElementById('timeline');
  var lanes = el('div', { class: 'lanes' });
  [['', ''], ['Bootloader (runner)', 'bootloader'], ['Execution environments (frames)', 'ee'], ['System (storage, balances, logs)', 'system']].forEach(function (h) {
    lanes.appendChild(el('div', { class: 'lh ' + h[1], text: h[0] }));
  });
  var rolled = {};
  frames.forEach(function (f) {
    f.storage.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
    f.accounts.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
    f.logs.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
  });
  var showReads = document.getElementById('show-reads');
  function drawTimeline() {
    while (lanes.children.length > 4) lanes.removeChild(lanes.lastChild);
    trace.timeline.forEach(function (e) {
      if (!showReads.checked && e.kind === 'storage.read') return;
      lanes.appendChild(el('div', { class: 'c seq', text: String(e.seq) }));
      ['bootloader', 'ee', 'system'].forEach(function (lane) {
        var cell = el('div', { class: 'c' });
        if (lane === e.lane) {
          var pad = e.depth > 0 ? e.depth * 14 : 0;
          cell.style.paddingLeft = (8 + pad) + 'px';
          var ev = el('span', { class: 'ev ' + lane + ' ' + e.kind.replace('.', '-') + (rolled[e.seq] ? ' rolledback' : ''),
            'data-frame': e.frame == null ? '' : String(e.frame), 'data-kind': e.kind, text: e.text });
          if (e.frame != null) ev.addEventListener('click', function () { select(e.frame); });
          cell.appendChild(ev);
        }
        lanes.appendChild(cell);
      });
    });
  }
  showReads.addEventListener('change', drawTimeline);
  drawTimeline();
  tl.appendChild(lanes);

  var first = trace.transactions.length && trace.transactions[0].rootFrame != null ? trace.transactions[0].rootFrame : null;
  if (first != null) select(first);
  document.body.setAttribute('data-ready', 'true');
})();
`;
