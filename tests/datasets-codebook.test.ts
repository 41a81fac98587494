import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formFields, MODERN_ERAS } from '../src/forms/index.ts';
import { ERA_MAPPING, eraLinks } from '../src/forms/mapping.ts';
import { CellStateSchema } from '../src/model/cell.ts';
import { writeDatasets } from '../src/publish/datasets/index.ts';
import type { Codebook } from '../src/publish/datasets/codebook.ts';
import { makeReport, objects, readCsv } from './datasets-helpers.ts';

// The codebook is generated from the form definitions: every field key of both forms must be in it, with its
// printed label, and every field that only one format has must carry an explicit 2019↔2021 mapping.

let dir = '';
let json: Codebook;
let csv: Record<string, string>[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-codebook-'));
  const ledger = { schema_version: 1 as const, counts: { parsed: 1, partial: 0, rejected: 0 }, entries: [] };
  await writeDatasets({ reports: [makeReport({ id: '0123456789abcdef' })], ledger, outDir: dir });
  json = JSON.parse(await readFile(join(dir, 'codebook.json'), 'utf8')) as Codebook;
  csv = objects(await readCsv(dir, 'codebook.csv'));
});

describe('codebook', () => {
  it.each(MODERN_ERAS)('lists every %s field key with its printed label, unit and era', (era) => {
    const byKey = new Map(csv.map((r) => [r.key, r]));
    for (const f of formFields(era)) {
      const row = byKey.get(f.key);
      expect(row, f.key).toBeDefined();
      // Shared fields carry the 2021 wording in label_zh and the 2019 wording in label_zh_gov2019.
      expect(era === 'gov2019' ? row!.label_zh_gov2019 : row!.label_zh).toBe(f.zh);
      if (row!.eras === era) expect([row!.label_zh, row!.row_zh, row!.col_zh, row!.label_en]).toEqual([f.zh, f.row_zh, f.col_zh, f.en]);
      expect(row!.unit).toBe(f.unit);
      expect(row!.origin).toBe('form');
      expect(row!.eras!.split(';')).toContain(era);
    }
  });

  it('has no form key that the forms do not define, and keys are unique', () => {
    const formKeys = new Set(MODERN_ERAS.flatMap((e) => formFields(e).map((f) => f.key)));
    const own = csv.filter((r) => r.origin === 'form').map((r) => r.key);
    expect(new Set(own)).toEqual(formKeys);
    expect(new Set(csv.map((r) => r.key)).size).toBe(csv.length);
  });

  it('codebook.csv and codebook.json agree field for field', () => {
    expect(json.fields.map((f) => f.key)).toEqual(csv.map((r) => r.key));
    for (const [i, f] of json.fields.entries()) {
      const r = csv[i]!;
      expect([r.label_zh, r.comparability, r.gov2019_key, r.gov2021_key, r.eras]).toEqual([
        f.label_zh, f.comparability, f.gov2019_key ?? '', f.gov2021_key ?? '', f.eras.join(';'),
      ]);
    }
    expect(json.states.map((s) => s.state)).toEqual(CellStateSchema.options);
  });

  it('maps every single-format field by an explicit rule to a real counterpart (spec §3.4)', () => {
    const keys = new Set(csv.map((r) => r.key));
    for (const link of eraLinks()) {
      for (const k of [link.gov2019_key, link.gov2021_key]) if (k) expect(keys.has(k), `${link.key} → ${k}`).toBe(true);
    }
    const shared = csv.filter((r) => r.eras === 'gov2019;gov2021');
    expect(shared.every((r) => r.comparability === 'same' && r.gov2019_key === r.key && r.gov2021_key === r.key)).toBe(true);
    expect(csv.filter((r) => r.eras !== 'gov2019;gov2021' && r.comparability === 'same')).toEqual([]);
    for (const rule of ERA_MAPPING) expect(csv.some((r) => r.eras!.split(';').includes(rule.era) && new RegExp(`^${rule.key.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`).test(r.key!)), rule.key).toBe(true);
  });

  it('states the §3.4 mapping, including the fee trap', () => {
    const get = (k: string) => csv.find((r) => r.key === k)!;
    expect(get('requests.result.denied.state_secret.total').comparability).toBe('same');
    expect(get('appeals.suit_direct.corrected').comparability).toBe('same');
    expect(get('active.penalty.decisions')).toMatchObject({ comparability: 'same', label_zh: '行政处罚 › 本年处理决定数量', label_zh_gov2019: '行政处罚 › 处理决定数量' });
    expect(get('active.rules.made_new')).toMatchObject({ comparability: 'approximate', gov2021_key: 'active.rules.issued' });
    expect(get('active.normative_docs.published_total')).toMatchObject({ comparability: 'not_comparable', gov2021_key: 'active.normative_docs.in_force' });
    expect(get('active.admin_fees.items_prev')).toMatchObject({ comparability: 'not_comparable', gov2021_key: 'active.admin_fees.amount_wan_yuan' });
    expect(get('active.admin_fees.amount_wan_yuan').comparability).toBe('not_comparable');
    expect(get('active.procurement.amount_wan_yuan')).toMatchObject({ comparability: 'none', gov2021_key: '' });
    expect(get('active.other_services.decisions').comparability).toBe('none');
    expect(get('requests.result.other.subtotal.total')).toMatchObject({ comparability: 'derived', gov2021_key: 'requests.result.other.subtotal.total' });
    expect(get('requests.result.other.misc.natural_person')).toMatchObject({ comparability: 'derived', gov2019_key: 'requests.result.other.subtotal.natural_person' });
  });

  it('explains the derived sums the checks compute, with their formula', () => {
    const derived = csv.filter((r) => r.origin === 'derived');
    const keys = derived.map((r) => r.key);
    expect(keys).toContain('requests.new.org_all');
    expect(keys).toContain('requests.result.denied.subtotal.total');
    expect(keys).toContain('appeals.suit_all.total');
    expect(keys).not.toContain('requests.result.other.subtotal.total');
    const denied = derived.find((r) => r.key === 'requests.result.denied.subtotal.total')!;
    expect(denied.row_zh).toBe('（三）不予公开');
    expect(denied.formula!.split(' + ')).toHaveLength(8);
    expect(derived.find((r) => r.key === 'requests.new.org_all')!.col_zh).toBe('商业企业＋科研机构＋社会公益组织＋法律服务机构＋其他');
  });
});
