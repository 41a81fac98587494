import type { z } from 'zod';

// Report JSON must not depend on the order in which the extractor happened to set keys (a report read back
// from the ingest cache and a freshly extracted one must serialise identically). Objects follow their zod
// schema's key order (so a report reads id, source, meta, … and tables in form order); record maps and
// anything the schema does not describe are sorted by key.
//
// Most of a report is already in that order (record maps such as `derived` are not): a part already in order
// is returned as it is, not copied (copying every object of every report took a fifth of the datasets stage).

/** Code-point order: the same on every machine and Node version, unlike localeCompare. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
}

/** What a schema says about a value's keys, worked out once per schema. */
type Plan =
  | { type: 'object'; shape: Record<string, z.ZodType>; keys: string[]; index: Map<string, number>; inherited: boolean }
  | { type: 'array'; element: z.ZodType | undefined }
  | { type: 'record'; value: z.ZodType | undefined }
  | { type: 'other' };

/** Names a plain object inherits (e.g. "constructor"): a copy built by assignment treats them differently. */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

const OTHER: Plan = { type: 'other' };
const plans = new WeakMap<z.ZodType, Plan>();

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return (schema as unknown as { def: Def } | undefined)?.def;
}

function planOf(schema: z.ZodType | undefined): Plan {
  if (!schema) return OTHER;
  let plan = plans.get(schema);
  if (!plan) {
    let def = defOf(schema);
    while (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) def = defOf(def.innerType);
    if (def?.type === 'array') plan = { type: 'array', element: def.element };
    else if (def?.type === 'object' && def.shape) {
      const keys = Object.keys(def.shape);
      plan = { type: 'object', shape: def.shape, keys, index: new Map(keys.map((k, i) => [k, i])), inherited: keys.some((k) => INHERITED.has(k)) };
    } else if (def?.type === 'record') plan = { type: 'record', value: def.valueType };
    else plan = OTHER;
    plans.set(schema, plan);
  }
  return plan;
}

function childPlan(plan: Plan, key: string): Plan {
  if (plan.type === 'object') return plan.index.has(key) ? planOf(plan.shape[key]) : OTHER;
  return plan.type === 'record' ? planOf(plan.value) : OTHER;
}

/**
 * The object itself, or a copy with only its children replaced, when its own keys are already in canonical
 * order; null when they are not, or when it has keys a copy treats specially (inherited names, array
 * indices, which are always listed first; undefined values), or is not a plain object (a Date has toJSON).
 */
function inPlace(obj: Record<string, unknown>, keys: string[], plan: Plan): Record<string, unknown> | null {
  if (Object.getPrototypeOf(obj) !== Object.prototype || (plan.type === 'object' && plan.inherited)) return null;
  const index = plan.type === 'object' ? plan.index : null;
  let at = -1;
  let last: string | null = null;
  let out: Record<string, unknown> | null = null;
  for (const k of keys) {
    const v = obj[k];
    const c = k.charCodeAt(0);
    if (v === undefined || (c >= 48 && c <= 57) || INHERITED.has(k)) return null;
    const i = index?.get(k);
    if (i !== undefined) {
      if (i < at || last !== null) return null;
      at = i;
    } else {
      if (last !== null && last >= k) return null;
      last = k;
    }
    const w = canon(v, childPlan(plan, k));
    if (w !== v) (out ??= { ...obj })[k] = w;
  }
  return out ?? obj;
}

export function canonical(value: unknown, schema?: z.ZodType): unknown {
  return canon(value, planOf(schema));
}

/** An array's elements put in order by `walk` under the array's element plan: the array itself when none changed. */
function eachElement(value: unknown[], plan: Plan, walk: (v: unknown, plan: Plan) => unknown): unknown[] {
  const element = plan.type === 'array' ? planOf(plan.element) : OTHER;
  let out: unknown[] | null = null;
  for (let i = 0; i < value.length; i++) {
    const v = walk(value[i], element);
    if (v !== value[i]) (out ??= value.slice())[i] = v;
  }
  return out ?? value;
}

function canon(value: unknown, plan: Plan): unknown {
  if (Array.isArray(value)) return eachElement(value, plan, canon);
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const kept = inPlace(obj, keys, plan);
  if (kept) return kept;
  const out: Record<string, unknown> = {};
  if (plan.type === 'object') {
    for (const k of plan.keys) if (obj[k] !== undefined) out[k] = canon(obj[k], planOf(plan.shape[k]));
    for (const k of keys.sort(byCodePoint)) if (!(k in out) && obj[k] !== undefined) out[k] = canon(obj[k], OTHER);
    return out;
  }
  for (const k of keys.sort(byCodePoint)) if (obj[k] !== undefined) out[k] = canon(obj[k], childPlan(plan, k));
  return out;
}

/** Whether a record map can occur anywhere in a value of this plan (worked out once per plan). */
const recordBelow = new WeakMap<Plan, boolean>();

function holdsRecord(plan: Plan): boolean {
  let v = recordBelow.get(plan);
  if (v === undefined) {
    recordBelow.set(plan, false);
    v = plan.type === 'record'
      || (plan.type === 'array' && holdsRecord(planOf(plan.element)))
      || (plan.type === 'object' && plan.keys.some((k) => holdsRecord(planOf(plan.shape[k]))));
    recordBelow.set(plan, v);
  }
  return v;
}

/**
 * canonical() of a zod parse's output, cheaply: its objects already follow their schema's key order, so only
 * the record maps (and what they hold) are put in order, and parts that cannot hold one are not visited.
 * Walking all of a report took ~0.8 ms, most of what the ingest spends on serialising it.
 */
export function canonicalParsed(value: unknown, schema: z.ZodType): unknown {
  return inRecords(value, planOf(schema));
}

function inRecords(value: unknown, plan: Plan): unknown {
  if (value === null || typeof value !== 'object' || !holdsRecord(plan)) return value;
  if (plan.type === 'record') return canon(value, plan);
  if (Array.isArray(value)) return eachElement(value, plan, inRecords);
  if (plan.type !== 'object') return value;
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k of plan.keys) {
    const v = obj[k];
    const w = inRecords(v, planOf(plan.shape[k]));
    if (w !== v) (out ??= { ...obj })[k] = w;
  }
  return out ?? obj;
}
