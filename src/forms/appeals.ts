import type { AppealsTable } from './types.ts';

/** Table 4 — identical in the 2019 and 2021 formats (spec §2.4). */
export const appeals: AppealsTable = {
  groups: [
    { key: 'review', zh: '行政复议', en: 'Administrative review' },
    { key: 'suit_direct', zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuit filed directly (no prior review)', match: ['未经复议直接起诉'] },
    { key: 'suit_after_review', zh: '行政诉讼·复议后起诉', en: 'Lawsuit filed after review', match: ['复议后起诉'] },
  ],
  leaves: [
    { key: 'upheld', zh: '结果维持', en: 'Upheld', unit: '件', kind: 'count' },
    { key: 'corrected', zh: '结果纠正', en: 'Corrected', unit: '件', kind: 'count' },
    { key: 'other', zh: '其他结果', en: 'Other outcome', unit: '件', kind: 'count' },
    { key: 'pending', zh: '尚未审结', en: 'Pending', unit: '件', kind: 'count' },
    { key: 'total', zh: '总计', en: 'Total', unit: '件', kind: 'count' },
  ],
};
