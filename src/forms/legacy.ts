// Pre-2019 statistics (spec §4): the indicators of the optional "指标名称 | 计量单位 | 数值" tables, as data.
// The national list of 国办发〔2014〕32号 (§4.2) plus the older/local wordings seen in real reports (平潭 2011–2018,
// 莆田/定西/上海-style forms). Values for the report year go to `key`; "历年累计" columns to `${key}.cumulative`;
// "本期" columns (when a 本年累计 column is the annual figure) to `${key}.period`.

import { labelKey } from '../text/normalise.ts';

export type LegacyUnit = '条' | '件' | '万元' | '个' | '人' | '次' | '人次' | '篇' | '%';
export type Confidence = 'high' | 'medium' | 'low' | 'none';

/** Where a legacy figure lands in the modern (2019/2021) forms, per spec §4.3. */
export interface ModernMapping {
  /** Modern key, or null when there is no clean target. */
  key: string | null;
  confidence: Confidence;
  /** Several legacy figures feed the same modern field (e.g. 同意公开 + 属于已主动公开范围 → granted). */
  combine?: 'sum';
  note?: string;
}

export interface LegacyIndicator {
  key: string;
  /** Typical printed label. */
  zh: string;
  en: string;
  unit: LegacyUnit;
  /** Other printed wordings (matched after labelKey normalisation, numbering prefixes removed). */
  aliases?: string[];
  /** The indicator this one is a "其中" item of: a part never exceeds its whole. */
  parent?: string;
  /** Words that introduce this figure in the report's prose ("主动公开政府信息2026条"). */
  prose?: string[];
  modern?: ModernMapping;
}

const R = 'legacy.requests';
const A = 'legacy.appeals';

export const LEGACY_INDICATORS: LegacyIndicator[] = [
  // 主动公开
  { key: 'legacy.active.items', zh: '主动公开政府信息数（不同渠道和方式公开相同信息计1条）', en: 'Government information published proactively', unit: '条',
    aliases: ['主动公开政府信息数', '主动公开信息数', '主动公开文件数', '主动公开政府信息'], prose: ['主动公开'],
    modern: { key: null, confidence: 'none', note: 'no modern table field; prose "主动公开政府信息N条" → narrative.active_items' } },
  { key: 'legacy.active.normative_docs_published', zh: '其中：主动公开规范性文件数', en: 'of which normative documents published', unit: '条', parent: 'legacy.active.items',
    aliases: ['主动公开规范性文件数'] },
  { key: 'legacy.active.normative_docs_made', zh: '制发规范性文件总数', en: 'Normative documents issued', unit: '件', aliases: ['制发规范性文件数'],
    modern: { key: 'active.normative_docs.issued', confidence: 'low', note: 'the scope of 规范性文件 changed' } },
  { key: 'legacy.active.by_channel.gazette', zh: '政府公报公开政府信息数', en: 'Published in the government gazette', unit: '条', parent: 'legacy.active.items',
    aliases: ['政府公报公开', '政府公报公开数', '政府公报公开信息数'] },
  { key: 'legacy.active.by_channel.website', zh: '政府网站公开政府信息数', en: 'Published on government websites', unit: '条', parent: 'legacy.active.items',
    aliases: ['网站公开', '政府网站公开数', '网站公开数', '政府网站公开信息数'] },
  { key: 'legacy.active.by_channel.weibo', zh: '政务微博公开政府信息数', en: 'Published on government Weibo', unit: '条', parent: 'legacy.active.items', aliases: ['政务微博公开数'] },
  { key: 'legacy.active.by_channel.wechat', zh: '政务微信公开政府信息数', en: 'Published on government WeChat', unit: '条', parent: 'legacy.active.items', aliases: ['政务微信公开数'] },
  { key: 'legacy.active.by_channel.other', zh: '其他方式公开政府信息数', en: 'Published by other means', unit: '条', parent: 'legacy.active.items', aliases: ['其他方式公开数'] },
  { key: 'legacy.active.electronic_rate', zh: '全文电子化率', en: 'Share published as full electronic text', unit: '%' },
  { key: 'legacy.active.site_visits', zh: '网站专栏页面访问量', en: 'Visits to the disclosure web column', unit: '人次', aliases: ['政府信息公开专栏访问量', '专栏访问量'] },
  // 回应解读
  { key: 'legacy.response.hotspots', zh: '回应公众关注热点或重大舆情数', en: 'Responses to public concerns', unit: '次', aliases: ['回应公众关注热点或重大舆情'] },
  { key: 'legacy.response.press_conferences', zh: '参加或举办新闻发布会总次数', en: 'Press conferences held or attended', unit: '次', aliases: ['新闻发布会总次数', '新闻发布会次数'] },
  { key: 'legacy.response.press_conferences_leaders', zh: '其中：主要负责同志参加新闻发布会次数', en: 'of which attended by principal leaders', unit: '次',
    parent: 'legacy.response.press_conferences', aliases: ['主要负责同志参加新闻发布会次数'] },
  { key: 'legacy.response.online_interviews', zh: '政府网站在线访谈次数', en: 'Online interviews on government websites', unit: '次', aliases: ['在线访谈次数'] },
  { key: 'legacy.response.online_interviews_leaders', zh: '其中：主要负责同志参加政府网站在线访谈次数', en: 'of which with principal leaders', unit: '次',
    parent: 'legacy.response.online_interviews', aliases: ['主要负责同志参加政府网站在线访谈次数'] },
  { key: 'legacy.response.interpretations', zh: '政策解读稿件发布数', en: 'Policy interpretation articles', unit: '篇', aliases: ['政策解读稿件发布'] },
  { key: 'legacy.response.weibo_wechat', zh: '微博微信回应事件数', en: 'Responses via Weibo/WeChat', unit: '次' },
  { key: 'legacy.response.other', zh: '其他方式回应事件数', en: 'Responses by other means', unit: '次' },
  // 依申请公开
  { key: `${R}.received`, zh: '收到申请数', en: 'Requests received', unit: '件',
    aliases: ['受理依申请公开信息总数', '受理申请数', '收到申请总数', '受理依申请公开申请数', '收到政府信息公开申请数'], prose: ['申请'],
    modern: { key: 'requests.new.total', confidence: 'medium', note: 'the old regime had no carry-over; requests.carried_over is unknown' } },
  { key: `${R}.by_channel.in_person`, zh: '当面申请数', en: 'in person', unit: '件', parent: `${R}.received` },
  { key: `${R}.by_channel.fax`, zh: '传真申请数', en: 'by fax', unit: '件', parent: `${R}.received` },
  { key: `${R}.by_channel.online`, zh: '网络申请数', en: 'online', unit: '件', parent: `${R}.received`, aliases: ['网上申请数', '互联网申请数'] },
  { key: `${R}.by_channel.letter`, zh: '信函申请数', en: 'by letter', unit: '件', parent: `${R}.received` },
  { key: `${R}.by_channel.letter_fax`, zh: '信函、传真申请数', en: 'by letter or fax', unit: '件', parent: `${R}.received`, aliases: ['信函传真申请数'] },
  { key: `${R}.by_channel.email`, zh: '电子邮件申请数', en: 'by e-mail', unit: '件', parent: `${R}.received` },
  { key: `${R}.by_channel.other`, zh: '其他形式申请数', en: 'other channels', unit: '件', parent: `${R}.received`, aliases: ['其它形式申请数', '其他方式申请数'] },
  { key: `${R}.closed`, zh: '申请办结数', en: 'Requests closed', unit: '件',
    modern: { key: 'requests.result.total.total', confidence: 'medium' } },
  { key: `${R}.closed_on_time`, zh: '按时办结数', en: 'closed on time', unit: '件', parent: `${R}.closed` },
  { key: `${R}.closed_extended`, zh: '延期办结数', en: 'closed after an extension', unit: '件', parent: `${R}.closed` },
  { key: `${R}.answered`, zh: '申请答复数', en: 'Requests answered', unit: '件', aliases: ['对申请的答复数', '对申请的答复总数', '答复总数', '申请答复总数'] },
  { key: `${R}.already_public`, zh: '属于已主动公开范围数', en: 'already published proactively', unit: '件', parent: `${R}.answered`,
    modern: { key: 'requests.result.granted.total', confidence: 'medium', combine: 'sum', note: 'added to 同意公开 (telling the requester where it is counts as 予以公开)' } },
  { key: `${R}.granted`, zh: '同意公开答复数', en: 'granted', unit: '件', parent: `${R}.answered`,
    modern: { key: 'requests.result.granted.total', confidence: 'medium', combine: 'sum' } },
  { key: `${R}.partial`, zh: '同意部分公开答复数', en: 'partly granted', unit: '件', parent: `${R}.answered`,
    modern: { key: 'requests.result.partial.total', confidence: 'high' } },
  { key: `${R}.denied`, zh: '不同意公开答复数', en: 'denied', unit: '件', parent: `${R}.answered`, aliases: ['否决公开答复数', '不予公开答复数', '不同意公开数'],
    modern: { key: 'requests.result.denied', confidence: 'medium', note: 'derived subtotal of the denied leaves' } },
  { key: `${R}.denied_by.state_secret`, zh: '涉及国家秘密', en: 'denied: state secret', unit: '件', parent: `${R}.denied`,
    modern: { key: 'requests.result.denied.state_secret.total', confidence: 'high' } },
  { key: `${R}.denied_by.trade_secret`, zh: '涉及商业秘密', en: 'denied: trade secret', unit: '件', parent: `${R}.denied`,
    modern: { key: 'requests.result.denied.third_party.total', confidence: 'low', combine: 'sum' } },
  { key: `${R}.denied_by.privacy`, zh: '涉及个人隐私', en: 'denied: personal privacy', unit: '件', parent: `${R}.denied`,
    modern: { key: 'requests.result.denied.third_party.total', confidence: 'low', combine: 'sum' } },
  { key: `${R}.denied_by.security_stability`, zh: '危及国家安全、公共安全、经济安全和社会稳定', en: 'denied: endangers security or stability', unit: '件', parent: `${R}.denied`,
    modern: { key: 'requests.result.denied.security_stability.total', confidence: 'high' } },
  { key: `${R}.denied_by.not_gov_info`, zh: '不是《条例》所指政府信息', en: 'denied: not government information under the Regulations', unit: '件', parent: `${R}.denied`,
    aliases: ['不是条例所指政府信息', '非规定所指政府信息'], modern: { key: null, confidence: 'none', note: '2019+ splits it into not_processed.* and denied.admin_query' } },
  { key: `${R}.denied_by.law_other`, zh: '法律法规规定的其他情形', en: 'denied: other cases under laws and regulations', unit: '件', parent: `${R}.denied`,
    modern: { key: 'requests.result.denied.law_prohibited.total', confidence: 'low' } },
  { key: `${R}.not_this_organ`, zh: '不属于本行政机关公开数', en: 'not held by this organ', unit: '件', aliases: ['非本部门掌握', '不属于本机关公开数'],
    modern: { key: 'requests.result.unavailable.not_held.total', confidence: 'medium', combine: 'sum' } },
  { key: `${R}.not_exist`, zh: '申请信息不存在数', en: 'information does not exist', unit: '件', aliases: ['信息不存在'],
    modern: { key: 'requests.result.unavailable.not_held.total', confidence: 'medium', combine: 'sum' } },
  { key: `${R}.asked_to_amend`, zh: '告知作出更改补充数', en: 'asked to amend the request', unit: '件',
    modern: { key: null, confidence: 'low', note: 'result.unavailable.unclear or result.other.no_correction; keep legacy only' } },
  { key: `${R}.other_channel`, zh: '告知通过其他途径办理数', en: 'referred to another procedure', unit: '件', modern: { key: null, confidence: 'none' } },
  { key: `${R}.other_answers`, zh: '其他类型答复数', en: 'other answers', unit: '件', parent: `${R}.answered`, aliases: ['其它类型答复数', '其他答复数'] },
  // 行政复议、行政诉讼、申诉、举报
  { key: `${A}.review.total`, zh: '行政复议数量', en: 'Administrative reviews', unit: '件', aliases: ['行政复议数', '行政复议案件数'],
    modern: { key: 'appeals.review.total', confidence: 'medium', note: 'pending is unknown' } },
  { key: `${A}.review.upheld`, zh: '维持具体行政行为数', en: 'review: upheld', unit: '件', parent: `${A}.review.total`, modern: { key: 'appeals.review.upheld', confidence: 'medium' } },
  { key: `${A}.review.corrected`, zh: '被依法纠错数', en: 'review: corrected', unit: '件', parent: `${A}.review.total`, modern: { key: 'appeals.review.corrected', confidence: 'medium' } },
  { key: `${A}.review.other`, zh: '其他情形数', en: 'review: other', unit: '件', parent: `${A}.review.total`, modern: { key: 'appeals.review.other', confidence: 'medium' } },
  { key: `${A}.suit.total`, zh: '行政诉讼数量', en: 'Administrative lawsuits', unit: '件', aliases: ['行政诉讼数', '行政诉讼案件数'],
    modern: { key: 'appeals.suit_all.total', confidence: 'medium', note: 'direct vs after-review not split' } },
  { key: `${A}.suit.upheld`, zh: '维持具体行政行为或者驳回原告诉讼请求数', en: 'lawsuit: upheld or claim dismissed', unit: '件', parent: `${A}.suit.total`,
    aliases: ['维持具体行政行为或驳回原告诉讼请求数'], modern: { key: 'appeals.suit_all.upheld', confidence: 'medium' } },
  { key: `${A}.suit.corrected`, zh: '被依法纠错数', en: 'lawsuit: corrected', unit: '件', parent: `${A}.suit.total`, modern: { key: 'appeals.suit_all.corrected', confidence: 'medium' } },
  { key: `${A}.suit.other`, zh: '其他情形数', en: 'lawsuit: other', unit: '件', parent: `${A}.suit.total`, modern: { key: 'appeals.suit_all.other', confidence: 'medium' } },
  { key: `${A}.petition`, zh: '行政申诉数', en: 'Administrative complaints (申诉)', unit: '件', aliases: ['申诉数'], modern: { key: null, confidence: 'none' } },
  { key: 'legacy.complaints', zh: '举报投诉数量', en: 'Reports and complaints', unit: '件', aliases: ['举报投诉数'], modern: { key: null, confidence: 'none' } },
  { key: 'legacy.suits_and_complaints', zh: '接受行政诉讼、举报数', en: 'Lawsuits and reports received (as printed in 平潭 2014–2018)', unit: '件',
    aliases: ['接受行政诉讼举报数'], modern: { key: null, confidence: 'none', note: 'label mixes lawsuits and reports; not comparable' } },
  // 收费
  { key: 'legacy.request_fees_wan_yuan', zh: '依申请公开信息收取的费用', en: 'Fees charged for requested information', unit: '万元',
    aliases: ['依申请公开收取的费用', '收取费用'], modern: { key: null, confidence: 'none', note: 'not active.admin_fees; nearest is the section-六 information-processing fee' } },
  { key: 'legacy.fee_waivers_wan_yuan', zh: '政府信息公开收费减免金额', en: 'Disclosure fees charged or waived (amount)', unit: '万元',
    aliases: ['收费减免金额'], modern: { key: null, confidence: 'none' } },
  // 机构建设和保障经费、会议和培训
  { key: 'legacy.capacity.offices', zh: '政府信息公开工作专门机构数', en: 'Dedicated disclosure offices', unit: '个', aliases: ['专门机构数'] },
  { key: 'legacy.capacity.reading_points', zh: '设置政府信息公开查阅点数', en: 'Public reading points', unit: '个', aliases: ['政府信息公开查阅点数', '查阅点数'] },
  { key: 'legacy.capacity.staff', zh: '从事政府信息公开工作人员数', en: 'Staff working on disclosure', unit: '人', aliases: ['工作人员数'] },
  { key: 'legacy.capacity.staff_fulltime', zh: '专职人员数', en: 'of which full-time', unit: '人', parent: 'legacy.capacity.staff' },
  { key: 'legacy.capacity.staff_parttime', zh: '兼职人员数', en: 'of which part-time', unit: '人', parent: 'legacy.capacity.staff' },
  { key: 'legacy.capacity.budget_wan_yuan', zh: '政府信息公开专项经费', en: 'Dedicated disclosure budget', unit: '万元', aliases: ['专项经费'] },
  { key: 'legacy.training.meetings', zh: '召开政府信息公开工作会议或专题会议数', en: 'Disclosure meetings held', unit: '次', aliases: ['工作会议或专题会议数'] },
  { key: 'legacy.training.classes', zh: '举办各类培训班数', en: 'Training courses held', unit: '次', aliases: ['培训班数'] },
  { key: 'legacy.training.trainees', zh: '接受培训人员数', en: 'People trained', unit: '人次', aliases: ['培训人次', '接受培训人次'] },
  // 咨询 (Shanghai-style forms)
  { key: 'legacy.consultations.on_site', zh: '现场接待人次', en: 'On-site consultations', unit: '人次' },
  { key: 'legacy.consultations.online', zh: '网上咨询人次', en: 'Online consultations', unit: '人次', aliases: ['网上咨询'] },
  { key: 'legacy.consultations.phone', zh: '咨询电话接听人次', en: 'Telephone consultations', unit: '人次', aliases: ['咨询电话', '电话咨询人次'] },
];

export const LEGACY_BY_KEY: ReadonlyMap<string, LegacyIndicator> = new Map(LEGACY_INDICATORS.map((i) => [i.key, i]));

/** Normalised match forms of an indicator's labels (labelKey, leading 其中 dropped). */
export function legacyMatchKeys(ind: LegacyIndicator): string[] {
  return [ind.zh, ...(ind.aliases ?? [])].map((s) => labelKey(s).replace(/^其中/, '').replace(/不同渠道和方式公开相同信息计1条$/, ''));
}
