import type { SynthAgency } from './places.ts';
import type { Rng } from './random.ts';

// Prose of a synthetic report, in the wording real reports use and with the variety they have: each agency has
// a house style (which sentences it writes, drawn once), and each year redraws part of it, so consecutive
// reports of one agency share much of their text (as real ones do) while different agencies rarely do. Every
// figure in the prose equals the table cell it states, so the NARRATIVE check agrees with the tables; other
// numbers are kept out of the clauses the narrative extractor reads (收到, 办结, 结转, 复议, 诉讼 …).

export interface ProseFigures {
  activeItems: number;
  newTotal: number;
  carriedOver: number;
  resultTotal: number;
  carriedForward: number;
  granted: number;
  reviews: number;
  suits: number;
}

type Pick = <T>(xs: readonly T[]) => T;

const GUIDES_2019 = ['深入贯彻落实党的十九大和十九届历次全会精神', '坚持以习近平新时代中国特色社会主义思想为指导', '认真落实党中央、国务院关于全面推进政务公开的决策部署'];
const GUIDES_2022 = ['深入学习贯彻党的二十大精神', '坚持以习近平新时代中国特色社会主义思想为指导', '全面贯彻落实党中央、国务院关于全面推进政务公开的决策部署'];
const LAWS = ['认真贯彻落实《中华人民共和国政府信息公开条例》', '严格执行《中华人民共和国政府信息公开条例》', '全面落实新修订的《中华人民共和国政府信息公开条例》', '按照《中华人民共和国政府信息公开条例》的规定'];
const AIMS = ['以公开为常态、不公开为例外', '围绕中心、服务大局', '聚焦群众关切', '坚持以人民为中心', '紧扣优化营商环境和保障改善民生'];
const RESULTS = ['政府透明度和公信力进一步提升', '政务公开工作取得新成效', '各项工作有序开展', '有力保障了人民群众的知情权、参与权、表达权和监督权', '为经济社会高质量发展营造了良好环境'];
const VERBS = ['扎实推进', '不断深化', '持续推进', '稳步推进', '全面推进'];
const TOPICS = ['财政预决算', '“三公”经费', '重大建设项目', '公共资源配置', '社会救助', '义务教育', '医疗卫生', '生态环境保护', '安全生产', '食品药品监管',
  '乡村振兴', '优化营商环境', '就业创业', '养老服务', '征地补偿', '棚户区改造', '保障性住房', '减税降费', '农业补贴', '防汛抗旱', '市场监管', '行政执法',
  '政府采购', '城乡规划', '交通运输', '文化旅游', '退役军人服务', '残疾人帮扶', '医疗保障', '教育收费'];
const COVID = ['疫情防控', '复工复产', '疫苗接种'];
const CHANNELS = ['政府门户网站', '政务新媒体', '政务公开专栏', '新闻发布会', '政务服务大厅公开栏', '村（居）务公开栏', '政府信息公开查阅点', '政务服务便民热线'];
const PROBLEMS = [
  '政策解读的形式还比较单一，图解、视频等群众喜闻乐见的解读方式运用不够',
  '主动公开的深度和广度还有待拓展，部分领域信息更新不够及时',
  '依申请公开办理的规范化水平有待进一步提高',
  '政务新媒体的互动性不强，回应群众关切的时效有待提升',
  '基层政务公开标准化规范化建设仍有差距',
  '工作人员业务能力与新形势新要求还不完全适应',
  '政府信息公开平台栏目设置不够科学，信息查找不够便捷',
  '公众参与政策制定的渠道还不够丰富',
  '部分公开内容的针对性和实用性不强',
  '政务公开工作考核机制还不够完善',
];
const MEASURES = [
  '加强业务培训，提升工作人员依法公开的意识和能力',
  '丰富政策解读形式，多用图表图解、音频视频等方式解读政策',
  '完善依申请公开工作流程，严格按照法定时限答复',
  '加强政府网站和政务新媒体管理，及时更新公开内容',
  '推进基层政务公开标准化规范化建设，编制完善公开事项目录',
  '建立健全政务舆情回应机制，及时回应社会关切',
  '拓展公众参与渠道，在重大决策前广泛听取意见',
  '加强对重点领域信息公开的督促检查',
  '优化政府信息公开专栏栏目设置，方便群众查找',
  '健全政务公开考核评估机制，把公开工作纳入年度考核',
];
const FEES = [
  '本年度未收取信息处理费。',
  '本机关本年度未向申请人收取信息处理费。',
  '依据《政府信息公开信息处理费管理办法》，本年度未发生收取信息处理费的情况。',
  '本年度没有收取政府信息公开信息处理费。',
];
const EXTRAS = [
  '本年度认真落实上级政务公开工作要点，各项任务均按时完成。',
  '人大代表建议和政协委员提案办理结果已按规定公开。',
  '本年度无其他需要报告的事项。',
  '本年度按照要求完成政务公开工作年度考核评估。',
  '积极推进政务公开进社区、进乡村，组织开展政府开放日活动。',
];

const pickN = <T>(r: Rng, xs: readonly T[], n: number): T[] => {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r.next() * pool.length), 1)[0]!);
  return out;
};

/**
 * The prose of sections 一 (overview), 五 (problems) and 六 (other) as lines. `house` is the agency's own
 * generator (its style); `year` redraws part of it.
 */
export function synthProse(a: SynthAgency, year: number, f: ProseFigures, house: Rng, yearly: Rng): { overview: string[]; problems: string[]; other: string[] } {
  // A style choice is the agency's own 60% of the time, redrawn for the year otherwise.
  const p: Pick = (xs) => (yearly.next() < 0.6 ? house.pick(xs) : yearly.pick(xs));
  const guide = year >= 2022 ? p(GUIDES_2022) : p(GUIDES_2019);
  const topics = pickN(yearly, year >= 2020 && year <= 2022 ? [...TOPICS, ...COVID] : TOPICS, 3 + Math.floor(yearly.next() * 4));
  const channels = pickN(house, CHANNELS, 3 + Math.floor(house.next() * 3));
  const self = a.self;
  const overview: string[] = [];
  overview.push(`${year}年，${a.name}${p(['', '在上级政府信息公开工作主管部门的指导下，', '在党委、政府的坚强领导下，'])}${guide}，${p(LAWS)}，${p(AIMS)}，${p(VERBS)}政务公开工作，${p(RESULTS)}。现将有关情况报告如下。`);
  overview.push(`（一）主动公开方面。${self}全年主动公开政府信息${f.activeItems}条，重点围绕${topics.join('、')}等领域，${p(['及时发布政策文件和工作动态', '做好政策文件和解读材料的同步发布', '加大信息发布力度'])}。${p(['充分利用', '依托', '综合运用'])}${channels.join('、')}等渠道，${p(['拓宽公开渠道', '提高信息传播的覆盖面', '方便群众获取政府信息'])}。`);
  if (f.newTotal === 0) {
    overview.push(`（二）依申请公开方面。${self}${p(['本年度未收到政府信息公开申请', '全年未收到政府信息公开申请', '本年度没有收到政府信息公开申请'])}${f.carriedOver ? `，上年结转${f.carriedOver}件` : ''}。${p(['', '进一步规范依申请公开工作流程，做到专人负责、及时答复。', '严格执行登记、审核、办理、答复、归档等环节的规定。'])}`);
  } else {
    const closed = p([`办结${f.resultTotal}件`, `已全部按期答复${f.resultTotal}件`, `按时办结${f.resultTotal}件`]);
    const granted = f.granted ? `，其中予以公开${f.granted}件` : '';
    const forward = f.carriedForward ? `，结转下年度继续办理${f.carriedForward}件` : '';
    overview.push(`（二）依申请公开方面。${self}${p(['全年共收到政府信息公开申请', '本年度新收政府信息公开申请', '本年度共收到政府信息公开申请'])}${f.newTotal}件${f.carriedOver ? `，上年结转${f.carriedOver}件` : ''}，${closed}${granted}${forward}。${p(['所有申请均在法定期限内答复。', '答复内容规范、依据充分。', '对申请人提出的问题认真核实、依法答复。', ''])}`);
  }
  if (f.reviews === 0 && f.suits === 0) {
    overview.push(`（三）行政复议和行政诉讼方面。${p(['本年度未发生因政府信息公开引起的行政复议和行政诉讼。', '全年没有发生涉及政府信息公开工作的行政复议、行政诉讼。'])}`);
  } else {
    overview.push(`（三）行政复议和行政诉讼方面。本年度发生涉及政府信息公开的行政复议${f.reviews}件，行政诉讼${f.suits}件。${p(['对发现的问题及时整改。', '我们认真分析原因，进一步规范答复工作。', ''])}`);
  }
  overview.push(`（四）政府信息管理和平台建设。${p(['健全政府信息公开属性源头认定机制', '落实公文公开属性审查制度', '加强政府信息发布审核'])}，${p(['严格执行“三审三校”制度', '坚持“先审查、后公开”', '落实信息发布保密审查'])}；${p(['持续优化', '进一步完善', '规范管理'])}${channels[0]}，${p(['确保信息发布准确、及时', '提升平台的便民服务水平', '做到应公开尽公开'])}。`);
  overview.push(`（五）监督保障方面。${p(['调整充实政务公开工作领导小组', '明确分管领导和工作人员', '将政务公开纳入年度目标考核'])}，${p(['定期组织业务培训', '开展政务公开自查自纠', '主动接受社会监督'])}，${p(['推动各项工作任务落实落细。', '为做好政务公开工作提供有力保障。', '不断提高工作规范化水平。'])}`);
  const problems = [
    `${p(['一是', '（一）存在的问题。一是'])}${pickN(yearly, PROBLEMS, 3).map((x, i) => (i ? `${['二是', '三是'][i - 1]}${x}` : x)).join('；')}。`,
    `下一步，${self}将${pickN(yearly, MEASURES, 3).map((x, i) => `${['一是', '二是', '三是'][i]}${x}`).join('；')}，${p(['不断提升政务公开工作水平。', '推动政务公开工作再上新台阶。', '切实保障人民群众知情权。'])}`,
  ];
  const other = [p(FEES), ...pickN(yearly, EXTRAS, 1 + Math.floor(yearly.next() * 2))];
  return { overview, problems, other };
}
