import { z } from 'zod';
import type { Release } from './release.ts';
import type { Table } from './table.ts';
import type { WrittenFile } from './sink.ts';

// datapackage.json: a Frictionless Data Package v1 (specs.frictionlessdata.io, 2017-05) whose CSV resources
// follow the Tabular Data Resource profile with inline Table Schemas. v1 rather than v2 because the official
// v1 JSON Schemas ship on npm (datapackage@1.1.10) and the tests validate against them; v1 descriptors are
// also what most readers (frictionless-py, R frictionless, ckan) accept. This zod model adds the rules that
// the JSON Schemas cannot express (names unique, keys naming real fields and resources).

/** Data Package §name, Data Resource §name: lower-case, URL-safe. */
const NameSchema = z.string().regex(/^[-a-z0-9._/]+$/);
/** Data Resource §path: relative POSIX path, no "..", no leading "/" or "~" or ".". */
const PathSchema = z.string().regex(/^(?![./~])(?!.*\.\.)[^\\]+$/);

const FieldSchema = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'date']),
  title: z.string().optional(),
  description: z.string(),
  constraints: z.strictObject({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    enum: z.array(z.string()).min(1).optional(),
    minimum: z.number().optional(),
    pattern: z.string().optional(),
  }).optional(),
});

const ForeignKeySchema = z.strictObject({
  fields: z.array(z.string()).min(1),
  reference: z.strictObject({ resource: NameSchema, fields: z.array(z.string()).min(1) }),
});

/** Table Schema §Descriptor, §Primary Key, §Foreign Keys, §Missing Values. */
const TableSchemaSchema = z.strictObject({
  fields: z.array(FieldSchema).min(1),
  primaryKey: z.array(z.string()).min(1),
  foreignKeys: z.array(ForeignKeySchema).min(1).optional(),
  missingValues: z.array(z.string()),
}).superRefine((s, ctx) => {
  const names = s.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'field names must be unique' });
  for (const k of [...s.primaryKey, ...(s.foreignKeys ?? []).flatMap((fk) => fk.fields)]) {
    if (!names.includes(k)) ctx.addIssue({ code: 'custom', message: `key field ${k} is not a field` });
  }
  for (const fk of s.foreignKeys ?? []) {
    if (fk.fields.length !== fk.reference.fields.length) ctx.addIssue({ code: 'custom', message: 'foreign key field counts differ' });
  }
});

/** CSV Dialect spec: what our files are (RFC 4180, CRLF, header row). */
const DialectSchema = z.strictObject({
  delimiter: z.literal(','),
  lineTerminator: z.literal('\r\n'),
  quoteChar: z.literal('"'),
  doubleQuote: z.literal(true),
  header: z.literal(true),
});

const common = {
  name: NameSchema,
  path: PathSchema,
  title: z.string(),
  description: z.string(),
  encoding: z.literal('utf-8'),
  bytes: z.number().int().nonnegative(),
  /** Data Resource §hash: "{algorithm}:{hex}". */
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
};

const TabularResourceSchema = z.strictObject({
  profile: z.literal('tabular-data-resource'),
  ...common,
  format: z.literal('csv'),
  mediatype: z.literal('text/csv'),
  dialect: DialectSchema,
  schema: TableSchemaSchema,
});

const JsonResourceSchema = z.strictObject({
  profile: z.literal('data-resource'),
  ...common,
  format: z.literal('json'),
  mediatype: z.literal('application/json'),
});

export const DataPackageSchema = z.strictObject({
  profile: z.literal('data-package'),
  name: NameSchema,
  title: z.string(),
  description: z.string(),
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  /** RFC 3339; the dataset date, never the build time. */
  created: z.string().regex(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/),
  keywords: z.array(z.string()).min(1),
  licenses: z.array(z.strictObject({ name: z.string(), path: z.string(), title: z.string() })).min(1),
  sources: z.array(z.strictObject({ title: z.string() })).min(1),
  contributors: z.array(z.strictObject({ title: z.string(), role: z.string() })).min(1),
  resources: z.array(z.union([TabularResourceSchema, JsonResourceSchema])).min(1),
}).superRefine((p, ctx) => {
  const byName = new Map(p.resources.map((r) => [r.name, r]));
  if (byName.size !== p.resources.length) ctx.addIssue({ code: 'custom', message: 'resource names must be unique' });
  for (const r of p.resources) {
    if (r.profile !== 'tabular-data-resource') continue;
    for (const fk of r.schema.foreignKeys ?? []) {
      const target = byName.get(fk.reference.resource);
      if (!target || target.profile !== 'tabular-data-resource') {
        ctx.addIssue({ code: 'custom', message: `${r.name}: foreign key to unknown resource ${fk.reference.resource}` });
        continue;
      }
      const names = target.schema.fields.map((f) => f.name);
      for (const f of fk.reference.fields) {
        if (!names.includes(f)) ctx.addIssue({ code: 'custom', message: `${r.name}: ${fk.reference.resource} has no field ${f}` });
      }
    }
  }
});
export type DataPackage = z.infer<typeof DataPackageSchema>;
type Resource = DataPackage['resources'][number];

export const LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
};

const DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

function fileProps(file: WrittenFile) {
  return { path: file.path, encoding: 'utf-8' as const, bytes: file.bytes, hash: `sha256:${file.sha256}` };
}

/**
 * A CSV resource with the Table Schema of `table`. `resourceOf` names the resource each foreign key points to
 * (a year slice points at the same year's reports).
 */
export function tabularResource<R>(table: Table<R>, file: WrittenFile, name: string, title: string, resourceOf: (table: string) => string): Resource {
  return {
    profile: 'tabular-data-resource', name, ...fileProps(file), title, description: table.description,
    format: 'csv', mediatype: 'text/csv', dialect: { ...DIALECT },
    schema: {
      fields: table.columns.map((c) => ({
        name: c.name, type: c.type, ...(c.title ? { title: c.title } : {}), description: c.description,
        ...(c.constraints ? { constraints: c.constraints } : {}),
      })),
      primaryKey: table.primaryKey,
      ...(table.foreignKeys.length ? {
        foreignKeys: table.foreignKeys.map((fk) => ({ fields: fk.fields, reference: { resource: resourceOf(fk.table), fields: fk.reference } })),
      } : {}),
      missingValues: [''],
    },
  };
}

export function jsonResource(file: WrittenFile, name: string, title: string, description: string): Resource {
  return { profile: 'data-resource', name, ...fileProps(file), title, description, format: 'json', mediatype: 'application/json' };
}

export function buildDescriptor(release: Release, resources: Resource[]): DataPackage {
  return DataPackageSchema.parse({
    profile: 'data-package',
    name: 'nianbao',
    title: 'Nianbao: Chinese government information disclosure annual reports (政府信息公开工作年度报告)',
    description: 'Statistics tables of Chinese government information disclosure annual reports, extracted cell by cell with the printed text, value state and source location, plus consistency checks, agencies and a codebook of the 2019 and 2021 national forms.',
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    keywords: ['政府信息公开', 'government information disclosure', 'annual reports', 'China', 'open government'],
    licenses: [LICENSE],
    sources: [{ title: 'Government information disclosure annual reports published by the reporting agencies under the Regulations of the PRC on the Disclosure of Government Information (《中华人民共和国政府信息公开条例》)' }],
    contributors: [{ title: 'Nianbao contributors', role: 'author' }],
    resources,
  });
}
