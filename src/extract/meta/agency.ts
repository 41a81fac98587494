// Agency names (spec §8.2): the place-name chain read from the left ("通化县人民政府东安街道办事处" →
// [通化县, 东安街道] + 办事处), the organ's kind and administrative level, a short name, and fallbacks when the
// title names no agency.

import type { Meta } from '../../model/report.ts';

type Kind = NonNullable<Meta['agency_kind']>;
type Level = NonNullable<Meta['admin_level']>;

export interface AgencyInfo {
  name: string;
  short: string;
  kind: Kind;
  level: Level | null;
  /** Place names from the outermost down, as printed in the name. */
  places: string[];
}

const ZONE_SUFFIXES = ['综合实验区', '高新技术产业开发区', '经济技术开发区', '实验区', '开发区', '高新区', '经开区', '新区', '示范区', '试验区', '自贸区', '保税区', '园区'];
const TOWNSHIP_SUFFIXES = ['街道', '苏木', '镇', '乡'];
const PLACE_SUFFIXES = [
  '特别行政区', '自治区', '自治州', '自治县', '自治旗', ...ZONE_SUFFIXES, '林区', '特区', '地区', ...TOWNSHIP_SUFFIXES,
  '省', '市', '州', '盟', '县', '区', '旗',
];
const PLACE_RE = new RegExp(`^([\\u4e00-\\u9fff]{1,7}?)(${PLACE_SUFFIXES.join('|')})`);
/** Organ words are never part of a place name ("住房和城乡建设局" is not a 乡). */
const NOT_PLACE_RE = /[和与及的局委办厅处室科部院会所站队]|中心|建设|管理|服务|政府/;
const SKIP_RE = /^(?:人民政府|党工委|管委会)/;
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);
const DEPARTMENT_END_RE = /(?:局|委员会|委|办公室|办|中心|厅|院|所|站|处|署|队|馆|会|室)$/;

function suffixOf(place: string): string {
  return PLACE_SUFFIXES.find((s) => place.endsWith(s)) ?? '';
}

/** Place names at the start of an agency name, and the organ part after them. */
export function placeChain(name: string): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = name;
  for (;;) {
    // Organ words between places ("通化县人民政府东安街道") are skipped only when another place follows.
    const skip = places.length ? (SKIP_RE.exec(rest)?.[0].length ?? 0) : 0;
    const m = PLACE_RE.exec(rest.slice(skip));
    if (!m || NOT_PLACE_RE.test(m[1]!)) break;
    places.push(m[0]);
    rest = rest.slice(skip + m[0].length);
  }
  return { places, rest };
}

function levelOf(places: readonly string[]): Level | null {
  const inner = places.at(-1);
  if (!inner) return null;
  const s = suffixOf(inner);
  if (MUNICIPALITIES.has(inner) || s === '省' || s === '自治区' || s === '特别行政区') return 'province';
  if (TOWNSHIP_SUFFIXES.includes(s)) return 'township';
  if (ZONE_SUFFIXES.includes(s)) return null;
  if (['自治州', '州', '地区', '盟'].includes(s)) return 'prefecture';
  if (s === '市') {
    // A 市 under another prefecture-level unit is a county-level city (哈尔滨市五常市); alone, assume 地级.
    const parent = places.at(-2);
    return parent && !MUNICIPALITIES.has(parent) && /市|州|地区|盟$/.test(suffixOf(parent)) ? 'county' : 'prefecture';
  }
  return 'county';
}

/** Re-attach the organ to a bare place name: "上海市" → "上海市人民政府", "平潭综合实验区" → "…管委会". */
export function completeAgencyName(name: string): string {
  const { places, rest } = placeChain(name);
  const inner = places.at(-1);
  if (rest || !inner) return name;
  const s = suffixOf(inner);
  if (TOWNSHIP_SUFFIXES.includes(s)) return name;
  return name + (ZONE_SUFFIXES.includes(s) ? '管委会' : '人民政府');
}

export function describeAgency(name: string): AgencyInfo {
  const { places, rest } = placeChain(name);
  const inner = places.at(-1) ?? '';
  const s = suffixOf(inner);
  const level = levelOf(places);
  const organ = rest.replace(/^人民政府/, '');
  let kind: Kind;
  let short = name;
  if (inner && TOWNSHIP_SUFFIXES.includes(s) && /^(?:办事处|人民政府|政府)?$/.test(rest)) {
    kind = 'township_or_street';
    short = inner;
  } else if (/政府(?:办公室|办公厅)$|政府办$/.test(name)) {
    kind = 'government_office';
    if (inner) short = `${inner}政府${name.endsWith('办公厅') ? '办公厅' : '办'}`;
  } else if (inner && ZONE_SUFFIXES.includes(s) && /^(?:党工委)?(?:管委会|管理委员会)?$/.test(rest)) {
    kind = 'dev_zone';
    short = inner;
  } else if (inner && /^(?:人民政府|政府)?$/.test(rest)) {
    kind = 'government';
    short = inner;
  } else if (DEPARTMENT_END_RE.test(organ)) {
    kind = 'department';
    // "沭阳县发展和改革局" → "县发展和改革局", the way reports refer to themselves.
    if (inner) short = (s.length === 1 ? s : inner.slice(-1)) + organ;
  } else {
    kind = 'other';
  }
  return { name, short, kind, level, places };
}

const ORGAN_SRC = '(?:人民政府办公室|人民政府办公厅|人民政府|街道办事处|办事处|管委会|管理委员会|办公室|办公厅|委员会|街道|局|委|中心|厅|乡|镇)';
const NAME_SRC = `([\\u4e00-\\u9fff]{2,28}?${ORGAN_SRC})`;
/** "本报告由X根据…编制", "报告X2021年度…情况", "现将X2021年…", "X2020年共受理…". */
const FALLBACK_RES = [
  new RegExp(`由${NAME_SRC}(?:根据|依据|按照|编制|组织)`),
  new RegExp(`(?:报告|公布|现将)${NAME_SRC}(?:19|20)\\d{2}年`),
  new RegExp(`(?:^|[。,，;；\\s])${NAME_SRC}(?:19|20)\\d{2}年度?(?:共|全年)?(?:受理|收到|主动公开)`),
];

/** An agency named in running text (preamble, body self-mentions). */
export function agencyFromText(text: string): string | null {
  for (const re of FALLBACK_RES) {
    const m = re.exec(text);
    if (m) return m[1]!;
  }
  return null;
}

const NAME_LINE_RE = new RegExp(`^${NAME_SRC}$`);

/** A line that is just an organ name (signature blocks, catalogue 发布机构). */
export function isAgencyName(text: string): boolean {
  return NAME_LINE_RE.test(text);
}
