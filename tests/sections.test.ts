import { describe, expect, test } from 'vitest';
import { SectionSchema } from '../src/model/report.ts';
import { extractSections, SECTION_KEYS } from '../src/extract/sections.ts';
import { realDoc, seedDoc, SEED_FILES, textDoc } from './meta-fixtures.ts';

const sectionsOf = async (seed: string) => extractSections(await seedDoc(seed));
const realSections = async (file: string) => extractSections(await realDoc(file));

describe('seeds', () => {
  test.each(SEED_FILES)('%s: every section validates against the schema', async (seed) => {
    const s = await sectionsOf(seed);
    expect(Object.keys(s).sort()).toEqual([...SECTION_KEYS].sort());
    for (const v of Object.values(s)) if (v) SectionSchema.parse(v);
  });

  test('000: numbering chaos 一, （1）, （2）, （三）…, 二, 六', async () => {
    const s = await sectionsOf('000_265202b0c314e512');
    expect(s.s1_overview?.heading).toBe('一、总体工作情况');
    expect(s.s2_active?.heading).toBe('(1)主动公开政府信息的情况');
    expect(s.s2_active?.loc.line).toBe(8);
    expect(s.s2_active?.text).toContain('2022年,微信公众号主动公开政府信息共18条。');
    // "1.主动公开政府信息的数量" is a sub-item of （1）, not a section of its own.
    expect(s.s2_active?.text.split('\n')[0]).toBe('1.主动公开政府信息的数量');
    expect(s.s3_requests?.text).toBe('2022年度东安街道受理申请的数量为零。');
    // （三）政府信息管理 … （五）监督保障 are siblings of （1）/（2）: the overview's sub-topics.
    expect(s.s1_overview?.text).toContain('(三)政府信息管理');
    expect(s.s1_overview?.text).toContain('3.责任追究结果情况');
    expect(s.s4_appeals).toBeNull();
    expect(s.s5_problems?.heading).toBe('二、存在问题与改进情况');
    expect(s.s5_problems?.loc.line).toBe(26);
    expect(s.s6_other?.text).toBe('无其他需要报告的事项。');
  });

  test('001: table sections keep no table cells; 六 is prose', async () => {
    const s = await sectionsOf('001_c06d29f5e948cb40');
    expect(s.s2_active?.text).toMatch(/^2022年全年累计主动公开政府信息186余条/);
    expect(s.s2_active?.text).not.toContain('第二十条');
    expect(s.s3_requests?.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(s.s3_requests?.loc.line).toBe(58);
    expect(s.s3_requests?.text).toBe('');
    expect(s.s4_appeals?.loc.line).toBe(347);
    expect(s.s5_problems?.heading).toBe('五、存在的主要问题和改进措施');
    expect(s.s6_other?.text).toBe('截至目前,本机关未收取信息处理费。');
  });

  test('002: legacy-style headings; the signature is not section text', async () => {
    const s = await sectionsOf('002_920a4b5d549ad15c');
    expect(s.s3_requests?.heading).toBe('三、行政机关收到和处理政府信息公开申请的情况');
    expect(s.s4_appeals?.heading).toBe('四、因政府信息公开工作被申请行政复议及提起行政诉讼的情况');
    expect(s.s4_appeals?.text).toMatch(/^昌邑区兴华街道办事处2020年共受理信息公开申请0件/);
    expect(s.s5_problems?.heading).toBe('五、存在的主要问题和改进措施');
    expect(s.s6_other?.text).toBe('无。');
  });

  test('003: web text, section 六 has no body', async () => {
    const s = await sectionsOf('003_1547371ff49f8649');
    expect(s.s1_overview?.text).toMatch(/^本年度报告依据新修订的/);
    for (const k of ['s2_active', 's3_requests', 's4_appeals'] as const) expect(s[k]?.text).toBe('');
    expect(s.s4_appeals?.loc.line).toBe(524);
    expect(s.s5_problems?.text).toMatch(/^\(一\)存在问题\n2021年,我办/);
    expect(s.s6_other?.heading).toBe('六、其他需要报告的事项');
    expect(s.s6_other?.text).toBe('');
  });

  test('004: "3、"/"4、" headings; the detached table label 三、本年度办理结果 starts nothing', async () => {
    const s = await sectionsOf('004_b2a6ebfd1a6d7656');
    expect(s.s3_requests?.heading).toBe('3、收到和处理政府信息公开申请情况');
    expect(s.s3_requests?.loc.line).toBe(61);
    expect(s.s4_appeals?.heading).toBe('4、政府信息公开行政复议、行政诉讼情况');
    expect(s.s4_appeals?.loc.line).toBe(359);
    expect(Object.values(s).map((v) => v?.heading)).not.toContain('三、本年度办理结果');
    expect(s.s3_requests?.text).toBe('');
    expect(s.s5_problems?.loc.line).toBe(404);
    // The stray page number "1" after the last section is dropped.
    expect(s.s6_other?.text).toBe('无');
  });
});

describe('real reports', () => {
  test('pingtan 2015: whole body on one line, seven legacy parts mapped to the six keys', async () => {
    const s = await realSections('2015_pingtan-zone_txt.txt');
    expect(s.s1_overview?.heading).toBe('一、概述');
    expect(s.s1_overview?.text).toMatch(/^2015年,在省政府办公厅/);
    expect(s.s2_active?.heading).toBe('二、主动公开政府信息情况');
    expect(s.s3_requests?.heading).toBe('三、政府信息依申请公开工作情况');
    expect(s.s3_requests?.text).toBe('2015年全区未收到有关政府信息公开申请。');
    expect(s.s6_other?.heading).toBe('四、政府信息公开的收费及减免情况');
    expect(s.s6_other?.text).toBe('2015年我区各级工作部门依申请提供政府信息暂不收费。');
    expect(s.s4_appeals?.heading).toBe('五、因政府信息公开申请行政复议、提起行政诉讼的情况');
    expect(s.s5_problems?.heading).toBe('六、主要问题和改进措施');
    // 七、…统计表 is data, not the problems section's prose.
    expect(s.s5_problems?.text).not.toContain('指标名称');
    expect(s.s5_problems?.text).toMatch(/提升工作人员整体工作水平。$/);
  });

  test('pingtan 2021: a heading glued to a flattened table value ("…24252.311082三、收到和处理…")', async () => {
    const s = await realSections('2021_pingtan-zone_txt.txt');
    expect(s.s3_requests?.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(s.s4_appeals?.heading).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(s.s5_problems?.text).toMatch(/^\(一\)存在的主要问题:政策解读形式不够丰富/);
    // "附件下载" after the last section is page furniture.
    expect(s.s6_other?.text).toBe('2021年,无收取信息处理费情况。');
  });

  test('pingtan 2013 local tax: non-standard parts go to their nearest section', async () => {
    const s = await realSections('2013_pingtan-localtax_txt.txt');
    expect(s.s3_requests?.heading).toBe('三、依申请公开、不予公开及咨询政府信息情况');
    // 四、审批事项及处理情况 (licensing) joins 主动公开; 六、工作人员及…支出情况 joins 概述.
    expect(s.s2_active?.text).toContain('四、审批事项及处理情况');
    expect(s.s2_active?.text).toContain('今年我局共受理审批事项117件');
    expect(s.s1_overview?.text).toContain('六、工作人员及信息公开事务支出情况');
    expect(s.s4_appeals?.text).toBe('2013年,我局收到以有关政府信息公开行政复议0件。');
    expect(s.s5_problems).toBeNull();
    expect(s.s6_other).toBeNull();
  });

  test('stcsm 2024: renumbered parts; a sub-level "（一）主要问题" stands in for the missing 五', async () => {
    const s = await realSections('2024_shanghai-stcsm_md.md');
    expect(s.s2_active?.heading).toBe('三、主动公开工作情况');
    expect(s.s2_active?.text).toContain('一、主动公开政府信息情况');
    expect(s.s3_requests?.heading).toBe('四、政府信息公开申请情况');
    expect(s.s3_requests?.text).toContain('全年收到政府信息公开申请 34 件');
    expect(s.s4_appeals?.heading).toBe('三、政府信息公开行政复议、行政诉讼情况');
    expect(s.s5_problems?.heading).toBe('(一)主要问题');
    expect(s.s5_problems?.text).toContain('(二)改进情况');
    expect(s.s6_other?.heading).toBe('五、其他需要报告的事项');
  });

  test('shuyang fgj 2023 (HTML): sub-headings （一）主动公开政府信息情况 stay inside 一', async () => {
    const s = await realSections('2023_shuyang-fgj_html.html');
    expect(s.s1_overview?.text).toContain('(二)依申请公开政府信息情况');
    expect(s.s2_active?.heading).toBe('二、主动公开政府信息情况');
    expect(s.s5_problems?.heading).toBe('五、存在的主要问题及整改措施');
    expect(s.s6_other?.text).toBe('2023年度,县发展和改革局政府信息公开未发生收费情况。');
  });

  test('huaian 2024 (PDF): all six sections', async () => {
    const s = await realSections('2024_huaian-city_pdf.pdf');
    for (const k of SECTION_KEYS) expect(s[k], k).not.toBeNull();
    expect(s.s6_other?.text).toMatch(/全年收取政府信息公开信息处理费 ?3940 ?元。$/);
  });
});

describe('synthetic', () => {
  test('a legacy report maps 概述 / 依申请公开 / 收费及减免 / 存在的主要问题及改进措施', () => {
    const s = extractSections(
      textDoc([
        'XX县2016年政府信息公开工作年度报告',
        '一、概述',
        '2016年，我县做了工作。',
        '二、主动公开政府信息情况',
        '全年主动公开政府信息100条。',
        '三、依申请公开政府信息情况',
        '全年未收到申请。',
        '四、政府信息公开的收费及减免情况',
        '未收费。',
        '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
        '无。',
        '六、存在的主要问题及改进措施',
        '问题。',
      ]),
    );
    expect(Object.fromEntries(SECTION_KEYS.map((k) => [k, s[k]?.text]))).toEqual({
      s1_overview: '2016年,我县做了工作。',
      s2_active: '全年主动公开政府信息100条。',
      s3_requests: '全年未收到申请。',
      s4_appeals: '无。',
      s5_problems: '问题。',
      s6_other: '未收费。',
    });
  });

  test('table-3 row labels never start a section, wherever they are printed', () => {
    const s = extractSections(
      textDoc(['三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理', '四、政府信息公开行政复议、行政诉讼情况', '无']),
    );
    expect(s.s3_requests?.heading).toBe('三、收到和处理政府信息公开申请情况');
    expect(s.s4_appeals?.heading).toBe('四、政府信息公开行政复议、行政诉讼情况');
    expect(s.s4_appeals?.text).toBe('无');
    expect(s.s1_overview).toBeNull();
  });

  test('a document without headings has no sections', () => {
    const s = extractSections(textDoc(['本单位2020年未收到政府信息公开申请。']));
    expect(Object.values(s).every((v) => v === null)).toBe(true);
  });
});
