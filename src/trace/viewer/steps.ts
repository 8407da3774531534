// Viewer: the opcode steps of the selected frame (EIP-3155 fields: pc, op, gas, cost, stack top), when the
// run recorded them (`zkos run --record-steps` or `--trace`), with the frame's costliest opcodes on top. Rows of
// CALL/CREATE instructions (where a sub-frame starts) are tinted. Browser script; no backticks or dollar-brace.

export const STEPS_JS = String.raw`
(function (Z) {
  var el = Z.el;
  var details = document.getElementById('details');
  var FIRST = 500;
  var SPAWN = { 240: 1, 241: 1, 242: 1, 244: 1, 245: 1, 250: 1 };

  function stackText(s) {
    if (!s.stackSize) return '';
    var top = s.stack.slice().reverse().map(Z.short);
    return (s.stackSize > s.stack.length ? '(' + s.stackSize + ') ' : '') + top.join('  ');
  }
  function rows(steps, from, to) {
    var out = [];
    for (var i = from; i < to; i++) {
      var s = steps[i];
      out.push(el('tr', { class: (SPAWN[s.op] ? 'spawn' : '') + (s.gasCost >= 2000 ? ' hot' : ''), 'data-step': String(i) }, [
        el('td', { class: 'muted', text: String(i) }), el('td', { class: 'mono', text: String(s.pc) }),
        el('td', { class: 'op mono', text: s.opName }), el('td', { class: 'mono', text: Z.num(s.gas) }),
        el('td', { class: 'cost mono', text: Z.num(s.gasCost) }),
        el('td', { class: 'stack mono', title: s.stack.slice().reverse().join('\n'), text: stackText(s) })]));
    }
    return out;
  }
  function hottest(steps) {
    var by = {};
    steps.forEach(function (s) { var b = by[s.opName] || (by[s.opName] = { gas: 0, n: 0 }); b.gas += s.gasCost; b.n++; });
    return Object.keys(by).sort(function (a, b) { return by[b].gas - by[a].gas; }).slice(0, 8).map(function (k) {
      return el('span', { title: by[k].n + ' executed', text: k + ' ' + Z.num(by[k].gas) + ' gas \u00d7' + by[k].n });
    });
  }

  Z.onSelect(function (sel) {
    if (sel.frame == null) return;
    var f = Z.frames[sel.frame];
    var steps = f.steps;
    var n = steps ? steps.length : 0;
    var box = el('div', { 'data-testid': 'steps' });
    details.appendChild(el('h2', { text: 'Opcode steps (' + (steps ? Z.num(n) + (f.stepsOmitted ? ' shown, ' + Z.num(f.stepsOmitted) + ' more not kept' : '') : 'not recorded') + ')' }));
    details.appendChild(box);
    if (!steps) {
      box.appendChild(el('div', { class: 'muted', text: f.kind === 'hook'
        ? 'A precompile or system hook: no EVM steps.'
        : 'No step trace in this file: write it with zkos run --html FILE --record-steps (or with --trace).' }));
      return;
    }
    box.appendChild(el('div', { class: 'hotops', 'data-testid': 'hotops' }, hottest(steps)));
    var body = el('table', { class: 'steps' }, [el('tr', null, ['#', 'pc', 'op', 'gas left', 'cost', 'stack (top first)'].map(function (h) { return el('th', { text: h }); }))]
      .concat(rows(steps, 0, Math.min(n, FIRST))));
    box.appendChild(el('div', { class: 'steps-wrap' }, [body]));
    if (n > FIRST) {
      var more = el('button', { class: 'more', text: 'show all ' + Z.num(n) + ' steps', onclick: function () {
        rows(steps, FIRST, n).forEach(function (r) { body.appendChild(r); });
        more.remove();
      } });
      box.appendChild(more);
    }
  });
})(Z);
`;
