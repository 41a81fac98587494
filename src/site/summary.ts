import type { Lean } from '../publish/lean.ts';
import { fmt } from './format.ts';

// The key figures of one report as words: shown on its page and indexed for search (numbers find reports).

export const KEY_FIGURES: { key: string; zh: string; en: string }[] = [
  { key: 'new', zh: '新收申请', en: 'New requests' },
  { key: 'carried_over', zh: '上年结转', en: 'Carried over' },
  { key: 'result_total', zh: '办理结果总计', en: 'Handled' },
  { key: 'granted', zh: '予以公开', en: 'Disclosed' },
  { key: 'denied', zh: '不予公开', en: 'Not disclosed' },
  { key: 'review_total', zh: '行政复议', en: 'Reviews' },
  { key: 'suit_total', zh: '行政诉讼', en: 'Lawsuits' },
];

export function keyFigures(r: Lean): { zh: string; en: string; v: number }[] {
  return KEY_FIGURES.filter((k) => r.f[k.key] !== undefined).map((k) => ({ zh: k.zh, en: k.en, v: r.f[k.key]! }));
}

/** "东安区人民政府办公室2021年：新收申请6件，…" or null when the report has no comparable figures. */
export function keySentence(r: Lean): string | null {
  const figs = keyFigures(r);
  if (!figs.length) return null;
  return `${r.meta.agency_name ?? ''}${r.meta.year ?? ''}年：${figs.map((k) => `${k.zh}${fmt(k.v)}件`).join('，')}。`;
}
