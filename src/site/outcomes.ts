import type { Bi } from './labels.ts';
import type { OutcomeKey } from '../publish/lean.ts';

// One colour per outcome category, used by every chart and legend (Okabe–Ito palette: colour-blind safe).

export const OUTCOMES: (Bi & { key: OutcomeKey; colour: string })[] = [
  { key: 'granted', zh: '予以公开', en: 'Disclosed', colour: '#009e73' },
  { key: 'partial', zh: '部分公开', en: 'Partly disclosed', colour: '#56b4e9' },
  { key: 'denied', zh: '不予公开', en: 'Not disclosed', colour: '#d55e00' },
  { key: 'unavailable', zh: '无法提供', en: 'Cannot be provided', colour: '#e69f00' },
  { key: 'not_processed', zh: '不予处理', en: 'Not processed', colour: '#cc79a7' },
  { key: 'other', zh: '其他处理', en: 'Other handling', colour: '#7a7a7a' },
];

export const APPEAL_OUTCOMES: (Bi & { key: 'upheld' | 'corrected' | 'other' | 'pending'; colour: string })[] = [
  { key: 'upheld', zh: '结果维持', en: 'Upheld', colour: '#0072b2' },
  { key: 'corrected', zh: '结果纠正', en: 'Corrected', colour: '#d55e00' },
  { key: 'other', zh: '其他结果', en: 'Other outcome', colour: '#7a7a7a' },
  { key: 'pending', zh: '尚未审结', en: 'Pending', colour: '#e69f00' },
];

/** Series colours for trend lines that are not outcome categories. */
export const SERIES = { new: '#0072b2', carried: '#7a7a7a', review: '#0072b2', suit: '#cc79a7' };
