// Viewer: the details panel. For a frame: function and arguments, revert reason, gas, actor states, call
// and return data, storage, balance changes (ETH with the exact wei), logs with event names. For a
// transaction: its result and the net state difference (balances, nonces, storage, code: before → after).
// Browser script; no backticks or dollar-brace.

export const DETAILS_JS = String.raw`
(function (Z) {
  var el = Z.el, frames = Z.frames;
  var details = document.getElementById('details');

  function kv(rows) {
    return el('table', null, rows.filter(Boolean).map(function (r) {
      return el('tr', null, [el('td', { class: 'k', text: r[0] }), el('td', null, [typeof r[1] === 'string' ? el('span', { class: r[2] || '', text: r[1] }) : r[1]])]);
    }));
  }
  function hexBlock(h) { return el('div', { class: 'hex mono', text: h === '0x' ? '(empty)' : h }); }
  function table(head, rows, cls) {
    return el('table', { class: cls || '' }, [el('tr', null, head.map(function (h) { return el('th', { text: h }); }))].concat(rows));
  }
  function none() { return el('div', { class: 'muted', text: 'none' }); }
  function section(title) { details.appendChild(el('h2', { text: title })); }
  function logRow(l) {
    var what = l.event
      ? Z.callNode(l.event)
      : el('span', { class: 'mono', text: 'topics ' + l.topics.map(Z.short).join(' ') + ' data ' + Z.short(l.data) });
    return el('tr', { class: l.rolledBack ? 'rolledback' : '' }, [
      el('td', { class: 'muted', text: String(l.seq) }), el('td', { class: 'mono', text: Z.nameShort(l.address) }), el('td', null, [what])]);
  }
  function change(field, v) {
    if (field === 'balance') return Z.weiNode(v);
    if (field === 'code') return el('span', { text: Z.big(v) + ' bytes' });
    return el('span', { class: 'mono', text: Z.big(v) });
  }

  function showFrame(f) {
    details.appendChild(el('h2', { text: 'Frame #' + f.id + ' \u2014 ' + f.kind }));
    if (f.reverted) details.appendChild(el('div', { class: 'banner', 'data-testid': 'revert-banner' }, [
      '\u21ba Snapshot reverted: this frame ended in ' + f.outcome + (f.haltReason ? ' (' + f.haltReason + ')' : '') +
        '; its storage writes, balance changes and logs (and those of its sub-frames) were rolled back.',
      f.revertReason ? el('div', null, ['Revert reason: ', el('span', { class: 'reason', 'data-testid': 'revert-reason', text: f.revertReason.text })]) : null]));
    else if (f.rolledBackBy != null) details.appendChild(el('div', { class: 'banner',
      text: '\u21ba Rolled back: frame #' + f.rolledBackBy + ' reverted its snapshot, undoing this frame\u2019s effects.' }));
    var pct = f.gas > 0 ? Math.min(100, Math.round(f.gasUsed * 100 / f.gas)) : 0;
    var bar = el('span', null, [Z.num(f.gasUsed) + ' of ' + Z.num(f.gas) + ' (' + pct + '%)',
      el('span', { class: 'gasbar' }, [el('span', { style: 'width:' + pct + '%' })])]);
    var selector = !Z.isCreate(f) && f.input.length >= 10 ? f.input.slice(0, 10) : null;
    details.appendChild(kv([
      ['caller', Z.name(f.caller), 'mono'],
      ['address (this)', Z.name(f.address), 'mono'],
      f.codeAddress !== f.address ? ['code address', Z.name(f.codeAddress), 'mono'] : null,
      f.call ? ['function', el('span', { 'data-testid': 'function' }, [Z.callNode(f.call), el('span', { class: 'muted mono', text: '  ' + selector })])]
        : selector ? ['selector', selector + ' (no ABI names it)', 'mono'] : null,
      f.returns ? ['returns', Z.argsText(f.returns), 'mono'] : null,
      f.revertReason ? ['revert reason', f.revertReason.text, 'reason'] : null,
      ['value', Z.weiNode(f.value)],
      ['depth', String(f.depth)],
      ['gas', bar],
      ['outcome', f.outcome + (f.haltReason ? ' (' + f.haltReason + ')' : ''), 'outcome ' + f.outcome],
      f.createdAddress ? ['created', Z.name(f.createdAddress), 'mono'] : null,
      ['parent', f.parent == null ? '(transaction ' + f.tx + ')' : '#' + f.parent]
    ]));
    section('State timeline');
    var st = el('div', { class: 'states', 'data-testid': 'states' });
    f.transitions.forEach(function (t, i) {
      if (i) st.appendChild(el('span', { class: 'arrow', text: '\u2192' }));
      st.appendChild(el('span', { class: 'state ' + t.state, title: 'seq ' + t.seq, text: t.state }));
    });
    details.appendChild(st);
    section((Z.isCreate(f) ? 'Init code' : 'Call data') + ' (' + Z.bytesLen(f.input) + ' bytes)');
    details.appendChild(hexBlock(f.input));
    section('Return data (' + Z.bytesLen(f.returnData) + ' bytes)');
    details.appendChild(hexBlock(f.returnData));
    section('Storage (' + f.storage.length + ')');
    details.appendChild(f.storage.length ? table(['#', 'op', 'account', 'slot', 'value'], f.storage.map(function (s) {
      return el('tr', { class: s.rolledBack ? 'rolledback' : '' }, [
        el('td', { class: 'muted', text: String(s.seq) }), el('td', { text: s.op }),
        el('td', { class: 'mono', text: Z.nameShort(s.address) }), el('td', { class: 'mono', text: s.slot }),
        el('td', { class: 'mono', text: s.op === 'read' ? s.value : s.before + ' \u2192 ' + s.value + (s.rolledBack ? '  (rolled back)' : '') })]);
    })) : none());
    section('Balance, nonce and code changes (' + f.accounts.length + ')');
    details.appendChild(f.accounts.length ? table(['#', 'account', 'field', 'change'], f.accounts.map(function (a) {
      return el('tr', { class: a.rolledBack ? 'rolledback' : '' }, [
        el('td', { class: 'muted', text: String(a.seq) }), el('td', { class: 'mono', text: Z.nameShort(a.address) }), el('td', { text: a.field }),
        el('td', null, [change(a.field, a.before), ' \u2192 ', change(a.field, a.after)])]);
    })) : none());
    section('Logs (' + f.logs.length + ')');
    details.appendChild(f.logs.length ? table(['#', 'address', 'event'], f.logs.map(logRow)) : none());
  }

  function showTx(t) {
    details.appendChild(el('h2', { text: 'Transaction ' + t.index + (t.label ? ' \u2014 ' + t.label : '') }));
    if (t.revertReason) details.appendChild(el('div', { class: 'banner' }, ['Reverted: ', el('span', { class: 'reason', text: t.revertReason.text })]));
    details.appendChild(kv([
      ['from', Z.name(t.from), 'mono'],
      ['to', t.to ? Z.name(t.to) : '(contract creation)', 'mono'],
      t.call ? ['function', Z.callNode(t.call)] : null,
      ['value', Z.weiNode(t.value)],
      ['gas limit', Z.num(Z.big(t.gasLimit))],
      t.valid ? ['result', t.status + (t.haltReason ? ' (' + t.haltReason + ')' : ''), 'outcome ' + t.status] : ['result', 'rejected: ' + t.error, 'outcome halt'],
      t.valid ? ['gas used', Z.num(Z.big(t.gasUsed)) + (BigInt(t.gasRefunded) ? ' (refunded ' + Z.num(Z.big(t.gasRefunded)) + ')' : '')] : null,
      t.createdAddress ? ['created', Z.name(t.createdAddress), 'mono'] : null,
      t.rootFrame != null ? ['frame', el('a', { href: '#frame-' + t.rootFrame, text: '#' + t.rootFrame })] : null
    ]));
    section('Net state difference (' + t.stateChanges.length + (t.stateChanges.length === 1 ? ' account)' : ' accounts)'));
    var rows = [];
    t.stateChanges.forEach(function (c) {
      rows.push(el('tr', { class: 'acct', 'data-account': c.address }, [el('td', { colspan: '4' }, [Z.name(c.address),
        c.created ? el('span', { class: 'tag created', text: 'created' }) : null, c.deleted ? el('span', { class: 'tag deleted', text: 'deleted' }) : null])]));
      function row(field, before, after) {
        rows.push(el('tr', { 'data-field': field }, [el('td', { class: 'muted', text: '' }), el('td', { text: field }),
          el('td', { class: 'before' }, [before]), el('td', { class: 'after' }, [after])]));
      }
      if (c.balance) row('balance', Z.weiNode(c.balance.before), Z.weiNode(c.balance.after));
      if (c.nonce) row('nonce', Z.big(c.nonce.before), Z.big(c.nonce.after));
      if (c.code) row('code', Z.bytesLen(c.code.before) + ' bytes', el('span', { class: 'mono', title: c.code.after, text: Z.bytesLen(c.code.after) + ' bytes ' + Z.short(c.code.after) }));
      (c.storage || []).forEach(function (s) { row('storage ' + s.slot, el('span', { class: 'mono', text: s.before }), el('span', { class: 'mono', text: s.after })); });
    });
    details.appendChild(rows.length ? table(['account', 'field', 'before', 'after'], rows, 'diff') : none());
    details.lastChild.setAttribute && details.lastChild.setAttribute('data-testid', 'state-diff');
    section('Logs (' + t.logs.length + ')');
    details.appendChild(t.logs.length ? table(['#', 'address', 'event'], t.logs.map(logRow)) : none());
  }

  Z.onSelect(function (sel) {
    details.innerHTML = '';
    details.removeAttribute('data-frame');
    details.removeAttribute('data-tx');
    if (sel.frame != null) { details.setAttribute('data-frame', String(sel.frame)); showFrame(frames[sel.frame]); }
    else { details.setAttribute('data-tx', String(sel.tx)); showTx(Z.trace.transactions[sel.tx]); }
    details.scrollTop = 0;
  });
})(Z);
`;
