import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModernEra } from '../forms/index.ts';
import { synthValues } from './numbers.ts';
import { rng } from './random.ts';
import { LAYOUTS, renderReport, type Layout, type SynthMeta } from './render.ts';

// Synthetic corpus for benchmarks and round-trip tests: varied agencies, regions, years, both formats and
// every layout family, with consistent numbers. Names are real places combined with common organ names.

const PLACES: [string, string, string, string][] = [
  ['吉林省', '长春市', '南关区', '130042'], ['吉林省', '吉林市', '昌邑区', '132002'], ['黑龙江省', '牡丹江市', '东安区', '157000'],
  ['江苏省', '淮安市', '洪泽区', '223100'], ['江苏省', '宿迁市', '沭阳县', '223600'], ['福建省', '福州市', '鼓楼区', '350001'],
  ['湖北省', '孝感市', '孝南区', '432100'], ['湖南省', '岳阳市', '南湖新区', '414000'], ['陕西省', '咸阳市', '杨陵区', '712100'],
  ['广东省', '湛江市', '徐闻县', '524100'], ['山东省', '威海市', '文登区', '264400'], ['山西省', '晋城市', '高平市', '048400'],
];
const ORGANS = ['人民政府办公室', '发展和改革局', '司法局', '统计局', '审计局', '财政局', '教育局', '民政局', '自然资源局', '生态环境局'];
const STREETS = ['东风街道办事处', '新华街道办事处', '长安镇人民政府', '兴隆乡人民政府', '城关街道办事处'];

export interface SynthReport {
  file: string;
  layout: Layout;
  era: ModernEra;
  meta: SynthMeta;
  values: Map<string, number>;
  activeItems: number;
}

export function synthReport(i: number, seed = 1): SynthReport {
  const r = rng(seed * 1_000_003 + i);
  const [, city, county, postcode] = r.pick(PLACES);
  const agency = r.next() < 0.3 ? `${county}${r.pick(STREETS)}` : r.next() < 0.5 ? `${city}${r.pick(ORGANS)}` : `${county}${r.pick(ORGANS)}`;
  const year = r.int(2019, 2024);
  const era: ModernEra = year >= 2021 ? 'gov2021' : 'gov2019';
  const layout = LAYOUTS[i % LAYOUTS.length]!;
  const meta: SynthMeta = {
    agency, year, published: `${year + 1}-0${r.int(1, 3)}-${String(r.int(10, 28))}`,
    phone: `0${r.int(310, 999)}-${r.int(2000000, 8999999)}`, postcode, address: `${city}${county}人民路${r.int(1, 300)}号`,
  };
  const values = synthValues(era, r, r.pick([1, 1, 1, 5, 20]));
  return { file: `synth-${String(i).padStart(6, '0')}.${layout === 'html' ? 'html' : 'txt'}`, layout, era, meta, values, activeItems: r.int(10, 3000) };
}

/** Write N synthetic reports into dir (sharded into sub-folders of 1,000), returning their descriptions. */
export async function writeSynthCorpus(dir: string, n: number, seed = 1, onProgress?: (done: number) => void): Promise<SynthReport[]> {
  const out: SynthReport[] = [];
  for (let i = 0; i < n; i++) {
    const s = synthReport(i, seed);
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) await mkdir(sub, { recursive: true });
    await writeFile(join(sub, s.file), renderReport(s.layout, s.era, s.meta, s.values, s.activeItems));
    out.push(s);
    if (onProgress && i % 500 === 0) onProgress(i);
  }
  return out;
}
