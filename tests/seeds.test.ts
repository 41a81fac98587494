import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../src/forms/index.ts';
import { flattenCells } from '../src/model/cell-of.ts';
import { runIngest } from '../src/ingest/run.ts';
import type { Report } from '../src/model/report.ts';
import { SEEDS_DIR, expectedFor, seedFiles } from './helpers/corpus.ts';

// The five seeds against their hand-checked answer keys (../shared/corpus/seeds/expected).

const reports = new Map<string, Report>();

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-seeds-'));
  const { ledger } = await runIngest({ inputs: [SEEDS_DIR], outDir: out, cacheDir: null });
  for (const e of ledger.entries) {
    if (!e.report_id) throw new Error(`${e.file} rejected: ${e.message}`);
    reports.set(e.file.split('/').at(-1)!, JSON.parse(readFileSync(join(out, 'reports', `${e.report_id}.json`), 'utf8')));
  }
});

const allCells = (r: Report) => new Map([...flattenCells(r.active, 'active'), ...flattenCells(r.requests, 'requests'), ...flattenCells(r.appeals, 'appeals')]);
const COLUMN_BY_ZH = new Map(FORMS.gov2021.requests.columns.map((c) => [c.zh, c.key]));

/** The answer keys describe strict failures in words; this maps a description to rule id + columns. */
function strictFailures(descriptions: string[]): string[] {
  return descriptions.flatMap((d) => {
    const id = d.startsWith('results total') ? 'T3-RES' : d.startsWith('new + carried') ? 'T3-ID' : null;
    if (!id) throw new Error(`unknown strict failure description: ${d}`);
    return [...COLUMN_BY_ZH].filter(([zh]) => d.includes(zh)).map(([, key]) => `${id}:${key}`);
  });
}

describe.each(seedFiles())('seed %s', (file) => {
  const exp = expectedFor(file);
  const report = () => reports.get(file)!;

  it('meta matches the answer key', () => {
    const m = report().meta;
    expect(m.agency_name).toBe(exp.meta.agency_name);
    expect(m.year).toBe(exp.meta.year);
    expect(m.has_tables).toBe(exp.meta.has_tables);
    if (exp.meta.era) expect(m.era).toBe(exp.meta.era);
    if (exp.meta.published_at) expect(m.published_at).toBe(exp.meta.published_at);
    if (exp.meta.portal_url) expect(m.portal_url).toBe(exp.meta.portal_url);
    if (exp.meta.region_code_hint) expect(m.region.code_hint).toBe(exp.meta.region_code_hint);
    for (const [k, v] of Object.entries(exp.meta.contact ?? {})) {
      if (k === 'phone') expect(m.contact.phone).toContain(v);
      else expect(m.contact[k as 'postcode' | 'email' | 'address']).toBe(v);
    }
  });

  it('every printed cell, and only those, with its value and a source location', () => {
    const cells = allCells(report());
    for (const [key, value] of Object.entries(exp.cells_printed)) {
      const c = cells.get(key);
      expect(c, key).toBeDefined();
      expect([key, c!.value, c!.state === 'num' || c!.state === 'zero_word']).toEqual([key, value, true]);
      expect(c!.loc?.line, key).toBeGreaterThan(0);
    }
    const printed = [...cells].filter(([, c]) => c.state === 'num' || c.state === 'zero_word').map(([k]) => k);
    expect(printed.sort()).toEqual(Object.keys(exp.cells_printed).sort());
  });

  it('blank cells stay blank: raw empty, zero-filled only as a marked inference', () => {
    const cells = allCells(report());
    for (const key of exp.cells_blank) {
      const c = cells.get(key)!;
      expect(c.raw, key).toBe('');
      expect(c.state === 'blank' || (c.state === 'inferred' && c.was === 'blank'), key).toBe(true);
      if (c.state === 'inferred') expect(c.inferred_from).toMatch(/^D[12]$/);
    }
  });

  it('narrative figures are kept apart from table values', () => {
    const n = report().narrative;
    for (const [key, value] of Object.entries(exp.narrative ?? {})) {
      if (key.endsWith('_approx')) {
        expect(n[key.replace(/_approx$/, '')]!.approx).toBe(value ? 'at_least' : null);
        continue;
      }
      expect(n[key]?.value, key).toBe(value);
    }
  });

  it('strict failures are exactly the real ones; expected warnings are raised and no others', () => {
    const checks = report().checks;
    const failedStrict = checks.filter((c) => c.severity === 'error' && c.status === 'fail').map((c) => `${c.id}:${c.scope}`);
    expect(failedStrict.sort()).toEqual(strictFailures(exp.checks.strict_fail).sort());
    const failedWarnings = checks.filter((c) => c.severity === 'warning' && c.status === 'fail');
    for (const w of exp.checks.expected_warnings) expect(failedWarnings.some((c) => c.message?.startsWith(w)), w).toBe(true);
    expect(failedWarnings.length).toBe(exp.checks.expected_warnings.length);
    // A pass has nothing to explain; everything else says what went wrong, in both languages.
    for (const c of checks) expect([c.id, c.status, c.message === null, c.message_zh === null]).toEqual([c.id, c.status, c.status === 'pass', c.status === 'pass']);
  });
});

describe('seed 004 zero-fill', () => {
  it('infers 0 for the blank applicant cells from the printed 0 totals (D1), marked', () => {
    const r = reports.get('004_b2a6ebfd1a6d7656.txt')!;
    const c = allCells(r).get('requests.new.natural_person')!;
    expect(c).toMatchObject({ value: 0, raw: '', state: 'inferred', was: 'blank', inferred_from: 'D1' });
    expect(r.checks.filter((k) => k.severity === 'error').every((k) => k.status === 'pass')).toBe(true);
  });
});
