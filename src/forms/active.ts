import type { ActiveTable, Column } from './types.ts';

// Table 2 — 主动公开政府信息情况 (spec §2.2, §3.2).

const decisions2021: Column = { key: 'decisions', zh: '本年处理决定数量', en: 'Decisions this year', unit: '件', kind: 'count', match: ['本年处理决定数量', '处理决定数量'] };

export const active2021: ActiveTable = {
  blocks: [
    {
      anchor: { item: '一', zh: '第二十条第（一）项', en: 'Art. 20 item (1)', match: ['第二十条第一项'] },
      columns: [
        { key: 'issued', zh: '本年制发件数', en: 'Issued this year', unit: '件', kind: 'count', match: ['本年制发'] },
        { key: 'repealed', zh: '本年废止件数', en: 'Repealed this year', unit: '件', kind: 'count', match: ['本年废止'] },
        { key: 'in_force', zh: '现行有效件数', en: 'In force', unit: '件', kind: 'count', match: ['现行有效'] },
      ],
      rows: [
        { key: 'rules', zh: '规章', en: 'Rules (规章)', match: ['规章'] },
        { key: 'normative_docs', zh: '行政规范性文件', en: 'Normative documents', match: ['规范性文件'] },
      ],
    },
    {
      anchor: { item: '五', zh: '第二十条第（五）项', en: 'Art. 20 item (5)', match: ['第二十条第五项'] },
      columns: [decisions2021],
      rows: [{ key: 'licensing', zh: '行政许可', en: 'Administrative licensing', match: ['行政许可'] }],
    },
    {
      anchor: { item: '六', zh: '第二十条第（六）项', en: 'Art. 20 item (6)', match: ['第二十条第六项'] },
      columns: [decisions2021],
      rows: [
        { key: 'penalty', zh: '行政处罚', en: 'Administrative penalties', match: ['行政处罚'] },
        { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', match: ['行政强制'] },
      ],
    },
    {
      anchor: { item: '八', zh: '第二十条第（八）项', en: 'Art. 20 item (8)', match: ['第二十条第八项'] },
      columns: [{ key: 'amount_wan_yuan', zh: '本年收费金额（单位：万元）', en: 'Fees collected this year (10k CNY)', unit: '万元', kind: 'money', match: ['本年收费金额', '收费金额'] }],
      rows: [{ key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', match: ['行政事业性收费'] }],
    },
  ],
};

const items2019: Column[] = [
  { key: 'items_prev', zh: '上一年项目数量', en: 'Items last year', unit: '项', kind: 'count', match: ['上一年项目数量', '上一年项目'] },
  { key: 'items_delta', zh: '本年增/减', en: 'Change this year', unit: '项', kind: 'signed_count', match: ['本年增减'] },
];
const decisions2019: Column = { key: 'decisions', zh: '处理决定数量', en: 'Decisions this year', unit: '件', kind: 'count', match: ['处理决定数量'] };

export const active2019: ActiveTable = {
  blocks: [
    {
      anchor: { item: '一', zh: '第二十条第（一）项', en: 'Art. 20 item (1)', match: ['第二十条第一项'] },
      columns: [
        { key: 'made_new', zh: '本年新制作数量', en: 'Newly made this year', unit: '件', kind: 'count', match: ['本年新制作'] },
        { key: 'published_new', zh: '本年新公开数量', en: 'Newly published this year', unit: '件', kind: 'count', match: ['本年新公开'] },
        { key: 'published_total', zh: '对外公开总数量', en: 'Total published', unit: '件', kind: 'count', match: ['对外公开总数量', '对外公开总数'] },
      ],
      rows: [
        { key: 'rules', zh: '规章', en: 'Rules (规章)', match: ['规章'] },
        { key: 'normative_docs', zh: '规范性文件', en: 'Normative documents', match: ['规范性文件'] },
      ],
    },
    {
      anchor: { item: '五', zh: '第二十条第（五）项', en: 'Art. 20 item (5)', match: ['第二十条第五项'] },
      columns: [...items2019, decisions2019],
      rows: [
        { key: 'licensing', zh: '行政许可', en: 'Administrative licensing', match: ['行政许可'] },
        { key: 'other_services', zh: '其他对外管理服务事项', en: 'Other external management services', match: ['其他对外管理服务'] },
      ],
    },
    {
      anchor: { item: '六', zh: '第二十条第（六）项', en: 'Art. 20 item (6)', match: ['第二十条第六项'] },
      columns: [...items2019, decisions2019],
      rows: [
        { key: 'penalty', zh: '行政处罚', en: 'Administrative penalties', match: ['行政处罚'] },
        { key: 'coercion', zh: '行政强制', en: 'Administrative coercion', match: ['行政强制'] },
      ],
    },
    {
      anchor: { item: '八', zh: '第二十条第（八）项', en: 'Art. 20 item (8)', match: ['第二十条第八项'] },
      columns: items2019,
      rows: [{ key: 'admin_fees', zh: '行政事业性收费', en: 'Administrative fees', match: ['行政事业性收费'] }],
    },
    {
      anchor: { item: '九', zh: '第二十条第（九）项', en: 'Art. 20 item (9)', match: ['第二十条第九项'] },
      columns: [
        { key: 'projects', zh: '采购项目数量', en: 'Procurement projects', unit: '项', kind: 'count', match: ['采购项目数量', '采购项目'] },
        { key: 'amount_wan_yuan', zh: '采购总金额', en: 'Procurement amount (10k CNY)', unit: '万元', kind: 'money', match: ['采购总金额'] },
      ],
      rows: [{ key: 'procurement', zh: '政府集中采购', en: 'Centralised government procurement', match: ['政府集中采购'] }],
    },
  ],
};
