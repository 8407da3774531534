// The viewer's shared core (browser script, plain ES2017, no libraries): reads the embedded trace and builds
// `Z`, the object every feature module receives: the trace, DOM and formatting helpers, and the selection.
// A selection is { frame: id } or { tx: index }; `Z.select(sel)` tells every `Z.onSelect` listener and keeps
// the URL's hash (#frame-3, #tx-0) in step, so a link opens the same view. Kept free of backticks and
// dollar-brace: it lives in a String.raw literal.

export const CORE_JS = String.raw`
var Z = (function () {
  'use strict';
  var trace = JSON.parse(document.getElementById('trace-data').textContent);
  var labels = trace.labels || {};
  var listeners = [];

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (attrs[k] == null) continue;
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
  function num(n) { return Number(n).toLocaleString('en-US'); }
  // Same rule as src/trace/units.ts: exact ETH, trailing zeros dropped, the wei beside it; small amounts in wei.
  function formatWei(h) {
    var wei = BigInt(h), neg = wei < 0n, abs = neg ? -wei : wei;
    if (abs < 1000000n) return wei.toString() + ' wei';
    var unit = 1000000000000000000n;
    var frac = (abs % unit).toString().padStart(18, '0').replace(/0+$/, '');
    return (neg ? '-' : '') + (abs / unit).toString() + (frac ? '.' + frac : '') + ' ETH (' + wei.toString() + ' wei)';
  }
  function weiNode(h) {
    var s = formatWei(h), i = s.indexOf(' (');
    if (i < 0) return el('span', { text: s });
    return el('span', null, [s.slice(0, i) + ' ', el('span', { class: 'wei', text: s.slice(i + 1) })]);
  }
  function argValue(a) {
    return a.type === 'address' && labels[a.value] ? labels[a.value] + ' (' + short(a.value) + ')' : a.value;
  }
  function argsText(args) {
    return args.map(function (a) { return (a.name ? a.name + ': ' : '') + argValue(a); }).join(', ');
  }
  function callText(d) { return d.name + '(' + (d.args ? argsText(d.args) : '\u2026') + ')'; }
  function callNode(d) {
    return el('span', { class: 'fn', title: d.signature }, [d.name + '(', el('span', { class: 'args', text: d.args ? argsText(d.args) : '\u2026' }), ')']);
  }
  function isCreate(f) { return f.kind === 'create' || f.kind === 'create2'; }
  function sameSel(a, b) { return !!a && !!b && a.frame === b.frame && a.tx === b.tx; }
  function hashOf(sel) { return sel.frame != null ? '#frame-' + sel.frame : '#tx-' + sel.tx; }
  function fromHash(h) {
    var m = /^#(frame|tx)-(\d+)$/.exec(h || '');
    if (!m) return null;
    var i = Number(m[2]);
    if (m[1] === 'frame') return trace.frames[i] ? { frame: i } : null;
    return trace.transactions[i] ? { tx: i } : null;
  }

  var Z = {
    trace: trace, frames: trace.frames, labels: labels, selection: null,
    el: el, short: short, name: name, nameShort: nameShort, big: big, bytesLen: bytesLen, num: num,
    formatWei: formatWei, weiNode: weiNode, argsText: argsText, callText: callText, callNode: callNode,
    isCreate: isCreate, fromHash: fromHash,
    onSelect: function (fn) { listeners.push(fn); },
    /** Selects a frame or transaction; opts.focus moves keyboard focus to its tree node. */
    select: function (sel, opts) {
      if (!sel || sameSel(sel, Z.selection)) { if (sel && opts && opts.focus && Z.focusSelected) Z.focusSelected(); return; }
      Z.selection = sel;
      listeners.forEach(function (fn) { fn(sel, opts || {}); });
      if (location.hash !== hashOf(sel)) history.replaceState(null, '', hashOf(sel));
    }
  };
  window.addEventListener('hashchange', function () { Z.select(fromHash(location.hash)); });
  return Z;
})();
`;

/** Runs last: selects what the URL's hash names (else the first transaction's frame) and marks the page ready. */
export const BOOT_JS = String.raw`
(function (Z) {
  var first = Z.trace.transactions.length ? Z.trace.transactions[0] : null;
  var sel = Z.fromHash(location.hash) ||
    (first && first.rootFrame != null ? { frame: first.rootFrame } : first ? { tx: first.index } : null);
  if (sel) Z.select(sel);
  document.body.setAttribute('data-ready', 'true');
})(Z);
`;
