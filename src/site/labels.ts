import type { CellState } from '../model/cell.ts';
import type { Meta } from '../model/report.ts';

// UI vocabulary: Chinese first, English alongside (issue 3: field names show their English name too).

export interface Bi { zh: string; en: string }

export const LEVELS: Record<NonNullable<Meta['admin_level']>, Bi> = {
  province: { zh: '省级', en: 'Province' },
  prefecture: { zh: '地市级', en: 'Prefecture' },
  county: { zh: '县级', en: 'County' },
  township: { zh: '乡镇/街道', en: 'Township / street' },
};

export const KINDS: Record<NonNullable<Meta['agency_kind']>, Bi> = {
  government: { zh: '人民政府', en: 'Government' },
  government_office: { zh: '政府办公室', en: 'Government office' },
  department: { zh: '政府部门', en: 'Department' },
  township_or_street: { zh: '乡镇/街道', en: 'Township or street office' },
  dev_zone: { zh: '开发区/功能区', en: 'Development zone' },
  other: { zh: '其他', en: 'Other' },
};

export const ERAS: Record<Meta['era'], Bi> = {
  gov2021: { zh: '2021年版格式', en: '2021 format' },
  gov2019: { zh: '2019年版格式', en: '2019 format' },
  legacy: { zh: '2019年前旧式', en: 'Pre-2019 style' },
};

/** How each cell state is shown: the marker printed in the cell and its legend text. */
export const STATES: Record<CellState, Bi & { mark: string }> = {
  num: { mark: '', zh: '印有数字', en: 'printed number' },
  zero_word: { mark: '', zh: '以文字表示零（零/无）', en: 'zero written as a word' },
  blank: { mark: '空', zh: '空白（未填）', en: 'blank' },
  dash: { mark: '—', zh: '横线（零或不适用）', en: 'dash (zero or n/a)' },
  slash: { mark: '/', zh: '斜线（不适用）', en: 'slash (not applicable)' },
  text: { mark: '', zh: '非数字文字', en: 'text, not a number' },
  absent: { mark: '缺', zh: '表中未找到该格', en: 'not found in the report' },
  inferred: { mark: '', zh: '推算值（未印出）', en: 'inferred, not printed' },
};

export const UNKNOWN: Bi = { zh: '未知', en: 'unknown' };

export function levelLabel(l: Meta['admin_level']): Bi {
  return l ? LEVELS[l] : UNKNOWN;
}
export function kindLabel(k: Meta['agency_kind']): Bi {
  return k ? KINDS[k] : UNKNOWN;
}
