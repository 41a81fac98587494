import type { Column, RequestsRow, RequestsTable, Label } from './types.ts';

// Table 3 — 收到和处理政府信息公开申请情况 (spec §2.3, §3.3).

const columns: Column[] = [
  { key: 'natural_person', zh: '自然人', en: 'Natural persons', unit: '件', kind: 'count' },
  { key: 'org_commercial', zh: '商业企业', en: 'Commercial enterprises', unit: '件', kind: 'count' },
  { key: 'org_research', zh: '科研机构', en: 'Research institutions', unit: '件', kind: 'count' },
  { key: 'org_social_welfare', zh: '社会公益组织', en: 'Social welfare organisations', unit: '件', kind: 'count' },
  { key: 'org_legal_service', zh: '法律服务机构', en: 'Legal service organisations', unit: '件', kind: 'count' },
  { key: 'org_other', zh: '其他', en: 'Other organisations', unit: '件', kind: 'count', exact: true },
  { key: 'total', zh: '总计', en: 'Total', unit: '件', kind: 'count', exact: true },
];

const groups: (Label & { key: string })[] = [
  { key: 'result', zh: '三、本年度办理结果', en: 'III. Outcomes this year', match: ['本年度办理结果'] },
  { key: 'result.denied', zh: '（三）不予公开', en: '(3) Not disclosed', match: ['三不予公开'], exact: true },
  { key: 'result.unavailable', zh: '（四）无法提供', en: '(4) Cannot be provided', match: ['四无法提供'], exact: true },
  { key: 'result.not_processed', zh: '（五）不予处理', en: '(5) Not processed', match: ['五不予处理'], exact: true },
];

const head: RequestsRow[] = [
  { key: 'new', zh: '一、本年新收政府信息公开申请数量', en: 'I. New requests received this year', match: ['本年新收'] },
  { key: 'carried_over', zh: '二、上年结转政府信息公开申请数量', en: 'II. Requests carried over from last year', match: ['上年结转'] },
  { key: 'result.granted', zh: '（一）予以公开', en: '(1) Disclosed', match: ['予以公开'], leaf: true, group: 'result' },
  { key: 'result.partial', zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', en: '(2) Partly disclosed', match: ['部分公开'], leaf: true, group: 'result' },
  { key: 'result.denied.state_secret', zh: '1.属于国家秘密', en: 'Not disclosed: state secret', match: ['国家秘密'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.law_prohibited', zh: '2.其他法律行政法规禁止公开', en: 'Not disclosed: prohibited by other laws and regulations', match: ['禁止公开'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.security_stability', zh: '3.危及“三安全一稳定”', en: 'Not disclosed: endangers the "three securities and one stability"', match: ['三安全'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.third_party', zh: '4.保护第三方合法权益', en: 'Not disclosed: protects third-party rights', match: ['第三方'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.internal_affairs', zh: '5.属于三类内部事务信息', en: 'Not disclosed: internal affairs', match: ['内部事务'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.process_info', zh: '6.属于四类过程性信息', en: 'Not disclosed: process information', match: ['过程性'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.enforcement_file', zh: '7.属于行政执法案卷', en: 'Not disclosed: enforcement case file', match: ['执法案卷'], leaf: true, group: 'result.denied' },
  { key: 'result.denied.admin_query', zh: '8.属于行政查询事项', en: 'Not disclosed: administrative query matter', match: ['查询事项'], leaf: true, group: 'result.denied' },
  { key: 'result.unavailable.not_held', zh: '1.本机关不掌握相关政府信息', en: 'Cannot provide: not held by this organ', match: ['不掌握'], leaf: true, group: 'result.unavailable' },
  { key: 'result.unavailable.needs_creation', zh: '2.没有现成信息需要另行制作', en: 'Cannot provide: would need to be created', match: ['另行制作'], leaf: true, group: 'result.unavailable' },
  { key: 'result.unavailable.unclear', zh: '3.补正后申请内容仍不明确', en: 'Cannot provide: still unclear after correction', match: ['补正后'], leaf: true, group: 'result.unavailable' },
  { key: 'result.not_processed.petition', zh: '1.信访举报投诉类申请', en: 'Not processed: petition, report or complaint', match: ['信访'], leaf: true, group: 'result.not_processed' },
  { key: 'result.not_processed.duplicate', zh: '2.重复申请', en: 'Not processed: duplicate request', match: ['重复申请'], leaf: true, group: 'result.not_processed' },
  { key: 'result.not_processed.publication', zh: '3.要求提供公开出版物', en: 'Not processed: asks for published material', match: ['出版物'], leaf: true, group: 'result.not_processed' },
  { key: 'result.not_processed.excessive', zh: '4.无正当理由大量反复申请', en: 'Not processed: excessive repeated requests', match: ['大量反复'], leaf: true, group: 'result.not_processed' },
  { key: 'result.not_processed.confirm_reissue', zh: '5.要求行政机关确认或重新出具已获取信息', en: 'Not processed: asks to confirm or reissue information already obtained', match: ['确认或重新出具'], leaf: true, group: 'result.not_processed' },
];

const tail: RequestsRow[] = [
  { key: 'result.total', zh: '（七）总计', en: '(7) Total', match: ['七总计'] },
  { key: 'carried_forward', zh: '四、结转下年度继续办理', en: 'IV. Carried forward to next year', match: ['结转下年度'] },
];

const other2021: RequestsRow[] = [
  { key: 'result.other.no_correction', zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'Other: applicant did not correct in time', match: ['逾期不补正'], leaf: true, group: 'result.other' },
  { key: 'result.other.fee_unpaid', zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Other: applicant did not pay the fee in time', match: ['缴纳费用'], leaf: true, group: 'result.other' },
  { key: 'result.other.misc', zh: '3.其他', en: 'Other: other', match: ['3其他'], exact: true, leaf: true, group: 'result.other' },
];

const other2019: RequestsRow[] = [
  { key: 'result.other.subtotal', zh: '（六）其他处理', en: '(6) Other handling', match: ['六其他处理'], exact: true, leaf: true, group: 'result' },
];

export const requests2021: RequestsTable = {
  columns,
  rows: [...head, ...other2021, ...tail],
  groups: [...groups, { key: 'result.other', zh: '（六）其他处理', en: '(6) Other handling', match: ['六其他处理'], exact: true }],
};

export const requests2019: RequestsTable = {
  columns,
  rows: [...head, ...other2019, ...tail],
  groups,
};
