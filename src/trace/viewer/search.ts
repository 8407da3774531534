// Viewer: search by frame id (#3 or 3), address (any part of the hex), label, function name, signature or
// selector, event name, revert reason or frame kind. Matches are marked in the tree and the flame chart,
// the rest is dimmed; Enter selects the next match, Escape clears, '/' focuses the box.
// Browser script; no backticks or dollar-brace.

export const SEARCH_JS = String.raw`
(function (Z) {
  var input = document.getElementById('search');
  var hint = document.getElementById('search-hint');
  var frames = Z.frames, labels = Z.labels;
  var defaultHint = hint.textContent;
  var matches = [], at = -1;

  function haystack(f) {
    var parts = [f.kind, f.caller, f.address, f.codeAddress, f.createdAddress || '', f.input.slice(0, 10)];
    [f.caller, f.address, f.codeAddress, f.createdAddress].forEach(function (a) { if (a && labels[a]) parts.push(labels[a]); });
    if (f.call) parts.push(f.call.name, f.call.signature);
    if (f.revertReason) parts.push(f.revertReason.text);
    f.logs.forEach(function (l) { if (l.event) parts.push(l.event.name, l.event.signature); });
    return parts.join(' ').toLowerCase();
  }
  var hay = frames.map(haystack);

  function matchesOf(q) {
    var id = /^#?(\d+)$/.exec(q);
    if (id) return frames[Number(id[1])] ? [Number(id[1])] : [];
    var needle = q.indexOf('0x') === 0 ? q.slice(2) : q;
    return frames.filter(function (f, i) { return hay[i].indexOf(needle) >= 0; }).map(function (f) { return f.id; });
  }

  function mark() {
    var q = input.value.trim().toLowerCase();
    var on = {};
    matches = q ? matchesOf(q) : [];
    at = -1;
    matches.forEach(function (id) { on[id] = 1; Z.tree.reveal(id); });
    var all = document.querySelectorAll('[data-frame-id], .flame .fr');
    for (var i = 0; i < all.length; i++) {
      var id = all[i].getAttribute('data-frame-id') || all[i].getAttribute('data-flame');
      all[i].classList.toggle('match', !!q && !!on[id]);
      all[i].classList.toggle('nomatch', !!q && !on[id]);
    }
    hint.textContent = !q ? defaultHint : matches.length === 0 ? 'no frame matches'
      : matches.length + (matches.length === 1 ? ' frame' : ' frames') + ' \u2014 Enter selects the next';
    hint.setAttribute('data-count', String(matches.length));
  }
  input.addEventListener('input', mark);
  // The flame chart redraws when zoomed: it calls this to mark its new boxes.
  Z.refreshSearch = function () { if (input.value.trim()) mark(); };
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && matches.length) {
      at = (at + 1) % matches.length;
      Z.select({ frame: matches[at] });
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      input.value = '';
      mark();
      Z.focusSelected();
    }
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (ev.key === '/' && t !== input && !(t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA'))) { ev.preventDefault(); input.focus(); }
  });
})(Z);
`;
