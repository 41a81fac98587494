import type { z } from 'zod';
import { byCodePoint } from './table.ts';

// Published JSON must not depend on the order in which the extractor happened to set keys (a report read back
// from the ingest cache and a freshly extracted one must serialise identically). Objects follow their zod
// schema's key order (so a report reads id, source, meta, … and tables in form order); record maps and
// anything the schema does not describe are sorted by key.

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType | undefined): Def | undefined {
  return (schema as unknown as { def: Def } | undefined)?.def;
}

export function canonical(value: unknown, schema?: z.ZodType): unknown {
  let def = defOf(schema);
  while (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) def = defOf(def.innerType);
  if (Array.isArray(value)) return value.map((v) => canonical(v, def?.type === 'array' ? def.element : undefined));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (def?.type === 'object' && def.shape) {
    for (const k of Object.keys(def.shape)) if (obj[k] !== undefined) out[k] = canonical(obj[k], def.shape[k]);
    for (const k of Object.keys(obj).sort(byCodePoint)) if (!(k in out) && obj[k] !== undefined) out[k] = canonical(obj[k]);
    return out;
  }
  const inner = def?.type === 'record' ? def.valueType : undefined;
  for (const k of Object.keys(obj).sort(byCodePoint)) if (obj[k] !== undefined) out[k] = canonical(obj[k], inner);
  return out;
}
