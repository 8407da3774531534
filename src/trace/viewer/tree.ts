// Viewer: the header (title, transaction chips) and the frame tree with keyboard navigation
// (↑/↓ move the selection, ← collapses or goes to the parent, → expands or goes to the first child,
// Enter toggles the subtree, Home/End). Browser script; no backticks or dollar-brace.

export const TREE_JS = String.raw`
(function (Z) {
  var el = Z.el, trace = Z.trace, frames = Z.frames;

  // ---- header ----
  var hdr = document.getElementById('hdr-title');
  hdr.appendChild(el('h1', { text: 'zkos run \u2014 ' + trace.scenario.name + ' (' + trace.scenario.profile + ')' }));
  if (trace.scenario.description) hdr.appendChild(el('div', { class: 'desc', text: trace.scenario.description }));
  var chips = el('div', { class: 'txs' });
  var chipOf = {};
  trace.transactions.forEach(function (t) {
    var s = t.valid ? t.status : 'rejected';
    chipOf[t.index] = chips.appendChild(el('span', { class: 'txchip', 'data-tx': String(t.index), title: 'show transaction ' + t.index + ' and its state difference',
      onclick: function () { Z.select({ tx: t.index }); } }, [
      'tx ' + t.index + ': ' + Z.nameShort(t.from) + ' \u2192 ' + (t.to ? Z.nameShort(t.to) : 'create') + (t.call ? '.' + t.call.name : '') + ' ',
      el('span', { class: 'outcome ' + (t.valid ? t.status : 'halt'), text: s }),
      t.valid ? ' gas used ' + Z.num(Z.big(t.gasUsed)) : ' ' + (t.error || '')
    ]));
  });
  hdr.appendChild(chips);

  // ---- tree ----
  var tree = document.getElementById('tree');
  var nodes = {}, lis = {}, heads = {};
  function setCollapsed(id, on) {
    var li = lis[id];
    if (!li || !frames[id].children.length) return;
    li.classList.toggle('collapsed', on);
    nodes[id].setAttribute('aria-expanded', on ? 'false' : 'true');
    nodes[id].querySelector('.toggle').textContent = on ? '\u25b8' : '\u25be';
  }
  function frameNode(f) {
    var li = el('li', { 'data-frame-li': String(f.id), role: 'none' });
    var hasKids = f.children.length > 0;
    var tog = el('span', { class: 'toggle' + (hasKids ? '' : ' leaf'), text: '\u25be', title: 'collapse / expand' });
    tog.addEventListener('click', function (ev) { ev.stopPropagation(); setCollapsed(f.id, !li.classList.contains('collapsed')); });
    var who = Z.isCreate(f)
      ? Z.nameShort(f.caller) + ' \u21d2 ' + Z.nameShort(f.createdAddress || f.address)
      : Z.nameShort(f.caller) + ' \u2192 ' + Z.nameShort(f.codeAddress);
    var node = el('div', { class: 'node' + (f.reverted ? ' reverted' : ''), 'data-frame-id': String(f.id), role: 'treeitem', tabindex: '-1',
      'aria-expanded': hasKids ? 'true' : null }, [
      tog,
      el('span', { class: 'kind ' + f.kind, text: f.kind }),
      el('span', { class: 'who', text: '#' + f.id + ' ' + who }),
      f.call ? el('span', { class: 'fn', title: f.call.signature, text: '.' + f.call.name + '()' }) : null,
      el('span', { class: 'outcome ' + f.outcome, text: f.outcome }),
      f.reverted ? el('span', { class: 'revert-mark', 'data-testid': 'revert-mark', title: 'this frame\u2019s snapshot was reverted' + (f.revertReason ? ': ' + f.revertReason.text : ''), text: '\u21ba reverted' }) : null,
      !f.reverted && f.rolledBackBy != null ? el('span', { class: 'rolled', title: 'rolled back by frame #' + f.rolledBackBy, text: '\u21ba by #' + f.rolledBackBy }) : null,
      el('span', { class: 'gasnote', text: Z.num(f.gasUsed) + ' gas' })
    ]);
    node.addEventListener('click', function () { Z.select({ frame: f.id }, { focus: true }); });
    nodes[f.id] = node;
    lis[f.id] = li;
    li.appendChild(node);
    if (hasKids) {
      var ul = el('ul', { class: 'frames', role: 'group' });
      f.children.forEach(function (c) { ul.appendChild(frameNode(frames[c])); });
      li.appendChild(ul);
    }
    return li;
  }
  var root = el('div', { role: 'tree', 'aria-label': 'frames of the run' });
  trace.transactions.forEach(function (t) {
    heads[t.index] = root.appendChild(el('div', { class: 'txhead', role: 'treeitem', tabindex: '-1', 'data-tx': String(t.index),
      text: 'Transaction ' + t.index + (t.label ? ' \u2014 ' + t.label : ''),
      onclick: function () { Z.select({ tx: t.index }, { focus: true }); } }));
    var ul = el('ul', { class: 'frames', role: 'group' });
    if (t.rootFrame != null) ul.appendChild(frameNode(frames[t.rootFrame]));
    else ul.appendChild(el('li', { class: 'muted', text: t.valid ? 'no frame' : 'rejected: ' + t.error }));
    root.appendChild(ul);
  });
  tree.appendChild(root);

  function itemOf(sel) { return sel.frame != null ? nodes[sel.frame] : heads[sel.tx]; }
  function selOf(item) {
    var f = item.getAttribute('data-frame-id');
    return f != null ? { frame: Number(f) } : { tx: Number(item.getAttribute('data-tx')) };
  }
  /** Expands every collapsed ancestor so the frame's node shows. */
  function reveal(id) {
    for (var p = frames[id].parent; p != null; p = frames[p].parent) if (lis[p].classList.contains('collapsed')) setCollapsed(p, false);
  }
  function visibleItems() {
    return Array.prototype.filter.call(tree.querySelectorAll('.txhead, .node'), function (n) { return n.offsetParent !== null; });
  }
  Z.tree = { nodes: nodes, reveal: reveal, setCollapsed: setCollapsed };
  Z.focusSelected = function () { var n = Z.selection && itemOf(Z.selection); if (n) n.focus({ preventScroll: false }); };

  var current = null;
  Z.onSelect(function (sel, opts) {
    if (current) { current.classList.remove('selected'); current.setAttribute('tabindex', '-1'); current.removeAttribute('aria-selected'); }
    Object.keys(chipOf).forEach(function (k) { chipOf[k].classList.toggle('selected', sel.tx === Number(k)); });
    if (sel.frame != null) reveal(sel.frame);
    current = itemOf(sel);
    if (!current) return;
    current.classList.add('selected');
    current.setAttribute('tabindex', '0');
    current.setAttribute('aria-selected', 'true');
    if (opts.focus) current.focus();
    else current.scrollIntoView({ block: 'nearest' });
  });

  tree.addEventListener('keydown', function (ev) {
    var sel = Z.selection;
    if (!sel) return;
    var items = visibleItems();
    var i = items.indexOf(itemOf(sel));
    var f = sel.frame != null ? frames[sel.frame] : null;
    var next = null;
    switch (ev.key) {
      case 'ArrowDown': next = items[Math.min(items.length - 1, i + 1)]; break;
      case 'ArrowUp': next = items[Math.max(0, i - 1)]; break;
      case 'Home': next = items[0]; break;
      case 'End': next = items[items.length - 1]; break;
      case 'ArrowRight':
        if (!f) { var t = trace.transactions[sel.tx]; if (t.rootFrame != null) next = nodes[t.rootFrame]; }
        else if (f.children.length && lis[f.id].classList.contains('collapsed')) setCollapsed(f.id, false);
        else if (f.children.length) next = nodes[f.children[0]];
        break;
      case 'ArrowLeft':
        if (f && f.children.length && !lis[f.id].classList.contains('collapsed')) setCollapsed(f.id, true);
        else if (f) next = f.parent != null ? nodes[f.parent] : heads[f.tx];
        break;
      case 'Enter': case ' ':
        if (f && f.children.length) setCollapsed(f.id, !lis[f.id].classList.contains('collapsed'));
        break;
      default: return;
    }
    ev.preventDefault();
    if (next) Z.select(selOf(next), { focus: true });
  });
})(Z);
`;
