// The native (proving) resource of the EVM instructions (ZKsync OS, brief §7): the shape of a profile's
// per-opcode cost data and the per-table arrays built from it. The step loop `runLoopNative` adds
// `nativeCost[op]` per instruction; handlers add the parts that depend on operands (`DynamicNative`).

/** A profile's EVM native costs (values: `src/profiles/zksyncEvmNative.ts`, each citing its Rust constant). */
export interface EvmNativeCosts {
  /** Charged for every instruction before its own cost, undefined bytes included (`STEP_NATIVE_COST`). */
  readonly step: number;
  /** Each opcode's own static native, by row name; an opcode not listed charges only `step`. */
  readonly byOpcode: Readonly<Record<string, number>>;
  /** Opcodes that copy bytes: `copyBase` is static, `copyPerByte` per copied byte (`gas_utils::copy_cost`). */
  readonly copyOpcodes: readonly string[];
  readonly copyBase: number;
  readonly copyPerByte: number;
  /** Every memory growth: base + per byte of growth (`Gas::pay_for_memory_growth`). */
  readonly memoryExpansionBase: number;
  readonly memoryExpansionPerByte: number;
  /** EXP: per byte of the exponent, on top of its static cost (`exp_cost`). */
  readonly expPerByte: number;
}

/** The operand-dependent native a table's handlers add to `Frame.native` (all 0 when nothing is metered). */
export interface DynamicNative {
  readonly memoryExpansionBase: number;
  readonly memoryExpansionPerByte: number;
  readonly copyPerByte: number;
  readonly expPerByte: number;
}

export const NO_DYNAMIC_NATIVE: DynamicNative = Object.freeze({
  memoryExpansionBase: 0,
  memoryExpansionPerByte: 0,
  copyPerByte: 0,
  expPerByte: 0,
});

/** Static native per opcode byte (step + own cost + copy base); all 0 without costs. */
export function staticNativeCosts(
  rows: readonly { readonly name: string; readonly defined: boolean }[],
  costs: EvmNativeCosts | undefined,
): Uint32Array {
  const out = new Uint32Array(256);
  if (costs === undefined) return out;
  const names = new Set(rows.map((r) => r.name));
  for (const name of [...Object.keys(costs.byOpcode), ...costs.copyOpcodes]) {
    if (!names.has(name)) throw new Error(`native cost table names an opcode the table lacks: ${name}`);
  }
  rows.forEach((r, op) => {
    let c = costs.step;
    if (r.defined) {
      c += costs.byOpcode[r.name] ?? 0;
      if (costs.copyOpcodes.includes(r.name)) c += costs.copyBase;
    }
    out[op] = c;
  });
  return out;
}

export function dynamicNative(costs: EvmNativeCosts | undefined): DynamicNative {
  if (costs === undefined) return NO_DYNAMIC_NATIVE;
  return Object.freeze({
    memoryExpansionBase: costs.memoryExpansionBase,
    memoryExpansionPerByte: costs.memoryExpansionPerByte,
    copyPerByte: costs.copyPerByte,
    expPerByte: costs.expPerByte,
  });
}
