// Viewer: a gas flame (icicle) chart per transaction. The transaction's frame spans the full width; each
// sub-frame sits under its caller, as wide as its share of the gas used (children left to right in call
// order), so a frame's uncovered part is the gas it spent itself. Click selects; double-click zooms into a
// frame (it fills the width, its callers stay above as full bars); Escape or the button zooms out.
// Browser script; no backticks or dollar-brace.

export const FLAME_JS = String.raw`
(function (Z) {
  var el = Z.el, frames = Z.frames;
  var host = document.getElementById('flame');
  var ROW = 24;
  var boxes = {};

  function label(f) {
    var who = Z.isCreate(f) ? 'new ' + Z.nameShort(f.createdAddress || f.address) : Z.nameShort(f.codeAddress) + (f.call ? '.' + f.call.name : '');
    return '#' + f.id + ' ' + who + ' \u00b7 ' + Z.num(f.gasUsed);
  }
  function place(f, left, width, depth, box) {
    var self = f.gasUsed;
    f.children.forEach(function (c) { self -= frames[c].gasUsed; });
    var r = el('div', { class: 'fr ' + f.kind + ' ' + f.outcome + (Z.selection && Z.selection.frame === f.id ? ' selected' : ''), 'data-flame': String(f.id),
      style: 'left:' + left + '%;width:' + width + '%;top:' + (depth * ROW) + 'px',
      title: '#' + f.id + ' ' + f.kind + ' ' + (f.call ? Z.callText(f.call) : Z.nameShort(f.codeAddress)) + '\n' +
        Z.num(f.gasUsed) + ' gas used (' + Z.num(Math.max(0, self)) + ' by itself), ' + f.outcome + (f.revertReason ? ': ' + f.revertReason.text : ''),
      text: label(f), onclick: function () { Z.select({ frame: f.id }); }, ondblclick: function () { zoom(f.tx, f.id); } });
    boxes[f.id] = r;
    box.appendChild(r);
    var total = 0;
    f.children.forEach(function (c) { total += frames[c].gasUsed; });
    // Children never use more than their caller; if rounding says otherwise, scale them into its width.
    var scale = f.gasUsed > 0 ? width / Math.max(f.gasUsed, total) : 0;
    var x = left;
    var maxDepth = depth;
    f.children.forEach(function (c) {
      var w = frames[c].gasUsed * scale;
      maxDepth = Math.max(maxDepth, place(frames[c], x, w, depth + 1, box));
      x += w;
    });
    return maxDepth;
  }

  var legend = el('div', { class: 'legend' }, [
    el('span', null, [el('i', { style: 'background:#a5d8ff' }), 'call']),
    el('span', null, [el('i', { style: 'background:#d0bfff' }), 'create']),
    el('span', null, [el('i', { style: 'background:#99e9f2' }), 'static / delegate call']),
    el('span', null, [el('i', { style: 'background:#ffec99' }), 'precompile / hook']),
    el('span', null, [el('i', { style: 'background:repeating-linear-gradient(135deg, rgba(224,49,49,.4) 0 3px, #fff 3px 6px)' }), 'reverted']),
    el('span', { text: 'width = gas used; the part of a frame not covered by its sub-frames is its own gas' })
  ]);
  host.appendChild(legend);
  var charts = {};
  // Lays out transaction tx's chart with frame 'focus' spanning the width (its callers above it).
  function render(tx, focus) {
    var c = charts[tx];
    c.box.innerHTML = '';
    var chain = [];
    for (var p = frames[focus].parent; p != null; p = frames[p].parent) chain.unshift(p);
    chain.forEach(function (id, d) {
      var f = frames[id];
      var r = el('div', { class: 'fr ' + f.kind + ' ' + f.outcome + ' context', 'data-flame': String(f.id), style: 'left:0;width:100%;top:' + (d * ROW) + 'px',
        title: 'zoomed in: double-click to zoom out to #' + f.id, text: label(f), onclick: function () { Z.select({ frame: f.id }); },
        ondblclick: function () { zoom(tx, f.id); } });
      boxes[f.id] = r;
      c.box.appendChild(r);
    });
    var depth = place(frames[focus], 0, 100, chain.length, c.box);
    c.box.style.height = ((depth + 1) * ROW + 2) + 'px';
    c.box.setAttribute('data-zoom', String(focus));
    c.reset.style.display = focus === c.root ? 'none' : '';
    if (Z.refreshSearch) Z.refreshSearch();
  }
  function zoom(tx, id) { render(tx, id); }
  Z.trace.transactions.forEach(function (t) {
    if (t.rootFrame == null) return;
    var root = frames[t.rootFrame];
    var box = el('div', { class: 'flame', 'data-flame-tx': String(t.index) });
    var reset = el('button', { class: 'more', text: 'zoom out', style: 'display:none;margin:0 0 0 8px;padding:0 8px', onclick: function () { zoom(t.index, t.rootFrame); } });
    charts[t.index] = { box: box, reset: reset, root: t.rootFrame };
    host.appendChild(el('div', { class: 'flame-tx' }, [
      el('div', { class: 'cap' }, ['Transaction ' + t.index + (t.label ? ' \u2014 ' + t.label : '') + ': ' + Z.num(root.gasUsed) +
        ' gas in frames' + (t.valid ? ' of ' + Z.num(Z.big(t.gasUsed)) + ' gas used (the rest is intrinsic gas and refunds)' : '') + ' \u00b7 double-click a frame to zoom', reset]),
      box]));
    render(t.index, t.rootFrame);
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Escape' || (ev.target && ev.target.tagName === 'INPUT')) return;
    Object.keys(charts).forEach(function (tx) { if (charts[tx].box.getAttribute('data-zoom') !== String(charts[tx].root)) render(Number(tx), charts[tx].root); });
  });
  if (!host.querySelector('.flame')) host.appendChild(el('div', { class: 'muted', text: 'no frames' }));

  var current = null;
  Z.onSelect(function (sel) {
    if (current) current.classList.remove('selected');
    current = sel.frame != null ? boxes[sel.frame] : null;
    // A frame outside the zoomed part: zoom out so it can be seen.
    if (sel.frame != null && (!current || !current.isConnected)) {
      var tx = frames[sel.frame].tx;
      if (charts[tx]) { render(tx, charts[tx].root); current = boxes[sel.frame]; }
    }
    if (current) current.classList.add('selected');
  });
})(Z);
`;
