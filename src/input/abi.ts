// Contract ABIs (Solidity's JSON ABI) given in a scenario, parsed strictly: only what decoding needs
// (functions, events, errors with their parameter types) is kept; every error names the field.
import { InputError, expectArray, expectObject, expectString, fieldPath } from './parse.js';

export interface AbiParam {
  readonly name: string;
  /** Canonical type: uint256, address, bytes32, string, tuple, uint8[], tuple[2], … */
  readonly type: string;
  readonly indexed?: boolean;
  /** Members of a tuple (or tuple array). */
  readonly components?: readonly AbiParam[];
}

export interface AbiEntry {
  readonly type: 'function' | 'event' | 'error';
  readonly name: string;
  readonly inputs: readonly AbiParam[];
  /** Functions only. */
  readonly outputs?: readonly AbiParam[];
  /** Events only. */
  readonly anonymous?: boolean;
}

const ELEMENTARY =
  /^(address|bool|string|bytes([1-9]|[12][0-9]|3[0-2])?|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256)?|tuple)((\[[0-9]*\])*)$/;

function parseParam(v: unknown, field: string): AbiParam {
  const o = expectObject(v, field);
  let type = expectString(o.type, fieldPath(field, 'type'));
  const m = ELEMENTARY.exec(type);
  if (!m) throw new InputError(fieldPath(field, 'type'), `not an ABI type: ${JSON.stringify(type)}`);
  // `uint` and `int` are aliases of the 256-bit types.
  if (m[1] === 'uint' || m[1] === 'int') type = `${m[1]}256${m[4]}`;
  const name = o.name === undefined ? '' : expectString(o.name, fieldPath(field, 'name'));
  const out: { name: string; type: string; indexed?: boolean; components?: AbiParam[] } = { name, type };
  if (o.indexed !== undefined) {
    if (typeof o.indexed !== 'boolean') throw new InputError(fieldPath(field, 'indexed'), 'expected true or false');
    out.indexed = o.indexed;
  }
  if (m[1] === 'tuple') {
    const cf = fieldPath(field, 'components');
    out.components = expectArray(o.components, cf).map((c, i) => parseParam(c, fieldPath(cf, i)));
  }
  return out;
}

function parseParams(v: unknown, field: string): AbiParam[] {
  if (v === undefined) return [];
  return expectArray(v, field).map((p, i) => parseParam(p, fieldPath(field, i)));
}

/** Parses a JSON ABI (an array); constructor, fallback and receive entries are accepted and skipped. */
export function parseAbi(v: unknown, field: string): AbiEntry[] {
  const out: AbiEntry[] = [];
  expectArray(v, field).forEach((e, i) => {
    const f = fieldPath(field, i);
    const o = expectObject(e, f);
    const type = o.type === undefined ? 'function' : expectString(o.type, fieldPath(f, 'type'));
    if (type === 'constructor' || type === 'fallback' || type === 'receive') return;
    if (type !== 'function' && type !== 'event' && type !== 'error')
      throw new InputError(fieldPath(f, 'type'), `expected function, event, error, constructor, fallback or receive`);
    const name = expectString(o.name, fieldPath(f, 'name'));
    if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))
      throw new InputError(fieldPath(f, 'name'), `not an identifier: ${JSON.stringify(name)}`);
    const entry: {
      type: AbiEntry['type'];
      name: string;
      inputs: AbiParam[];
      outputs?: AbiParam[];
      anonymous?: boolean;
    } = { type, name, inputs: parseParams(o.inputs, fieldPath(f, 'inputs')) };
    if (type === 'function') entry.outputs = parseParams(o.outputs, fieldPath(f, 'outputs'));
    if (type === 'event' && o.anonymous === true) entry.anonymous = true;
    out.push(entry);
  });
  return out;
}
