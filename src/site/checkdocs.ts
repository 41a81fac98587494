// What each consistency check means, for the methodology page (rule ids from REPORT-FORMATS §5).

export interface CheckDoc { id: string; kind: 'strict' | 'advisory' | 'cross'; zh: string; en: string }

export const CHECK_DOCS: CheckDoc[] = [
  { id: 'T3-ID', kind: 'strict', zh: '表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表头印明的勾稽关系）。', en: 'Table 3, each column: new + carried over = total handled + carried forward (the relation printed in the header).' },
  { id: 'T3-RES', kind: 'strict', zh: '表三每一列：（七）总计 = 各项办理结果之和（2021 年版 21 项，2019 年版 19 项）。只看 T3-ID 发现不了“结果各行全为 0、总计却有数”的报告。', en: 'Table 3, each column: (7) total = sum of all outcome rows (21 in the 2021 form, 19 in 2019).' },
  { id: 'T3-COL', kind: 'strict', zh: '表三每一行：总计 = 自然人 + 五类法人或其他组织。', en: 'Table 3, each row: total = natural persons + the five kinds of organisations.' },
  { id: 'T4-SUM', kind: 'strict', zh: '表四复议、直接起诉、复议后起诉各组：总计 = 维持 + 纠正 + 其他 + 尚未审结。', en: 'Table 4, each group: total = upheld + corrected + other + pending.' },
  { id: 'NN', kind: 'strict', zh: '件数为非负整数；金额非负（“本年增/减”可以为负）。', en: 'Counts are non-negative integers; money is non-negative (the 2019 “change” column may be negative).' },
  { id: 'STRUCT', kind: 'strict', zh: '统计表具备该版格式的全部行和列；找不到的格记为“缺”。', en: 'Each table has its form’s full set of rows and columns; missing cells are marked absent.' },
  { id: 'T2-STOCK', kind: 'advisory', zh: '2021 年版：现行有效件数一般不少于本年制发件数。', en: '2021 form: documents in force are normally at least those issued this year.' },
  { id: 'T2-RULES', kind: 'advisory', zh: '只有省级和设区的市级政府能制定规章；县、乡级报告的规章数应为 0 或不适用。', en: 'Only provincial and prefecture governments make 规章; lower levels should report 0 or n/a.' },
  { id: 'T2-2019', kind: 'advisory', zh: '2019 年版：本年新公开 ≤ 对外公开总数；上一年项目数 + 本年增减 ≥ 0。', en: '2019 form: newly published ≤ total published; items last year + change ≥ 0.' },
  { id: 'T2-FEE', kind: 'advisory', zh: '行政事业性收费金额小数过多或数额异常，疑为“元”与“万元”混用。', en: 'Fee amounts with too many decimals or absurd size suggest yuan/10k-yuan confusion.' },
  { id: 'T3-OTHERFEE', kind: 'advisory', zh: '因逾期未缴费不再处理的申请大于 0 时，第六部分应提到信息处理费。', en: 'If requests were dropped for unpaid fees, section VI should mention the processing fee.' },
  { id: 'T4-VS-T3', kind: 'advisory', zh: '没有收到也没有结转申请，却报告了复议或诉讼：可能，但少见，常是行错位。', en: 'Reviews or lawsuits reported although no requests were received or carried over.' },
  { id: 'T4-CHAIN', kind: 'advisory', zh: '复议后起诉的案件数一般不超过复议案件数。', en: 'Lawsuits after review normally do not exceed reviews.' },
  { id: 'S-MISSING', kind: 'advisory', zh: '2019 年及以后的报告应有三张统计表；没有（或只有图片）时提示。', en: 'Reports for 2019 and later should have the three tables.' },
  { id: 'S6-EMPTY', kind: 'advisory', zh: '第六部分“其他需要报告的事项”缺失或为空（写“无”可以）。', en: 'Section VI missing or empty (“none” is fine).' },
  { id: 'YEAR', kind: 'advisory', zh: '标题年度、统计期限和正文年度一致；发布日期在报告年度之后。', en: 'Title year, statistics period and text agree; published after the year ends.' },
  { id: 'DUP', kind: 'advisory', zh: '正文与其他机关或上一年的报告几乎相同（内容雷同）。', en: 'Text (near-)identical to another agency’s or last year’s report.' },
  { id: 'L-SUMS', kind: 'advisory', zh: '2019 年前旧式统计表的加总关系（各渠道申请之和等），仅作提示。', en: 'Sums in pre-2019 statistics tables; advisory only.' },
  { id: 'NARRATIVE', kind: 'advisory', zh: '正文中的数字（如“共受理申请 6 件”“行政复议 7 件”）与表中对应数字比较。', en: 'Numbers stated in the text compared with the matching table cells.' },
  { id: 'X-CARRY', kind: 'cross', zh: '同一机关：上一年结转下年度 = 本年上年结转（机关页面的“结转衔接”）。', en: 'Same agency: last year’s carried forward = this year’s carried over (agency pages).' },
  { id: 'X-STOCK', kind: 'cross', zh: '同一机关：本年现行有效 = 上年现行有效 + 本年制发 − 本年废止。', en: 'Same agency: in force = last year’s in force + issued − repealed.' },
  { id: 'X-SERIES', kind: 'cross', zh: '同一机关相邻年度数字突变（十倍以上），常见于单位或列错位。', en: 'Year-on-year jumps of ×10 or more, often unit or column errors.' },
];
