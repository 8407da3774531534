// Viewer: the run timeline in the seed's lanes (bootloader / execution environments / system). Selecting a
// frame highlights its events and scrolls the timeline (not the page) to the frame's first event.
// Browser script; no backticks or dollar-brace.

export const TIMELINE_JS = String.raw`
(function (Z) {
  var el = Z.el;
  var tl = document.getElementById('timeline');
  var lanes = el('div', { class: 'lanes' });
  [['', ''], ['Bootloader (runner)', 'bootloader'], ['Execution environments (frames)', 'ee'], ['System (storage, balances, logs)', 'system']].forEach(function (h) {
    lanes.appendChild(el('div', { class: 'lh ' + h[1], text: h[0] }));
  });
  var rolled = {};
  Z.frames.forEach(function (f) {
    f.storage.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
    f.accounts.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
    f.logs.forEach(function (s) { if (s.rolledBack) rolled[s.seq] = 1; });
  });
  var showReads = document.getElementById('show-reads');
  function draw() {
    while (lanes.children.length > 4) lanes.removeChild(lanes.lastChild);
    Z.trace.timeline.forEach(function (e) {
      if (!showReads.checked && e.kind === 'storage.read') return;
      lanes.appendChild(el('div', { class: 'c seq', text: String(e.seq) }));
      ['bootloader', 'ee', 'system'].forEach(function (lane) {
        var cell = el('div', { class: 'c' });
        if (lane === e.lane) {
          cell.style.paddingLeft = (8 + (e.depth > 0 ? e.depth * 14 : 0)) + 'px';
          var ev = el('span', { class: 'ev ' + lane + ' ' + e.kind.replace('.', '-') + (rolled[e.seq] ? ' rolledback' : ''),
            'data-frame': e.frame == null ? '' : String(e.frame), 'data-kind': e.kind, 'data-seq': String(e.seq), text: e.text });
          if (e.frame != null) ev.addEventListener('click', function () { Z.select({ frame: e.frame }); });
          cell.appendChild(ev);
        }
        lanes.appendChild(cell);
      });
    });
    highlight(Z.selection, false);
  }
  function highlight(sel, scroll) {
    if (!sel) return;
    var id = sel.frame != null ? String(sel.frame) : null;
    var evs = tl.querySelectorAll('.ev');
    var first = null;
    for (var i = 0; i < evs.length; i++) {
      var on = id !== null && evs[i].getAttribute('data-frame') === id;
      evs[i].classList.toggle('hl', on);
      if (on && !first) first = evs[i];
    }
    if (!scroll) return;
    if (!first && sel.tx != null) first = findTxStart(sel.tx);
    if (first) tl.scrollTop += first.getBoundingClientRect().top - tl.getBoundingClientRect().top - 40;
  }
  function findTxStart(tx) {
    var e = Z.trace.transactions[tx];
    return e ? tl.querySelector('.ev[data-seq="' + e.startSeq + '"]') : null;
  }
  showReads.addEventListener('change', draw);
  tl.appendChild(lanes);
  draw();
  Z.onSelect(function (sel) { highlight(sel, true); });
})(Z);
`;
