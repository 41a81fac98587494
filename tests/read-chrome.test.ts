import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeKind, isChromeLine, splitChromePrefix } from '../src/read/chrome.ts';
import { REAL_DIR, SEEDS_DIR } from './helpers/corpus.ts';

describe('chromeKind', () => {
  // The examples of REPORT-FORMATS §7.7, as printed (full-width forms included).
  const chrome: [string, string][] = [
    ['2022/1/29 14:59:38 来源:区政府办', 'date-source'],
    ['发布日期:2017-02-23    点击数:', 'date-source'],
    ['来源:区人民政府办公室 时间:2017-01-12 10:01', 'date-source'],
    ['日期:2019年03月04日   信息来源:市政府办公厅', 'date-source'],
    ['浏览次数:发布时间:2016-03-25 00:00', 'date-source'],
    ['发布时间:2021-11-02 09:08 来源:中国政府网 作者:', 'date-source'],
    ['发布日期：2020-01-31', 'date-source'],
    ['2025年12月30日\t星期二', 'date-source'],
    ['字号:', 'toolbar'],
    ['字号: 下载 我要纠错 打印 收藏', 'toolbar'],
    ['【字体:大 中 小】', 'toolbar'],
    ['打印 关闭', 'toolbar'],
    ['分享到:', 'toolbar'],
    ['扫一扫在手机上查看当前页面', 'toolbar'],
    ['登录 注册', 'toolbar'],
    ['正文内容区域请使用tab按钮切换浏览', 'toolbar'],
    ['【上一篇】 【下一篇】', 'toolbar'],
    ['【发表评论】 【互动社区】', 'toolbar'],
    ['首页 | 网站地图 | 网站声明 | 联系我们', 'toolbar'],
    ['当前位置:首页 > 信息公开 > 年报', 'breadcrumb'],
    ['您当前所在位置：首页 > 信息公开年报', 'breadcrumb'],
    ['主办单位:东安区政府 联系电话:6924198', 'footer'],
    ['网站标识码:2310020001 ICP备案号:黑ICP备17009162号', 'footer'],
    ['黑公网安备 23100202000021号', 'footer'],
    ['网站制作:牡丹江艺通网络公司  站点地图', 'footer'],
    ['原文链接: https://www.pingtan.gov.cn/zwgk/t20120418_80716.htm', 'crawler'],
    ['采集时间:2025-12-30T21:37:37+08:00', 'crawler'],
    ['— 3 —', 'page-number'],
    ['第 2 页 共 6 页', 'page-number'],
  ];
  it.each(chrome)('%s → %s', (line, kind) => {
    expect(chromeKind(line)).toBe(kind);
  });

  // Report text that shares words with chrome must stay in the body.
  const body = [
    '2021年,我办政府信息与政务公开工作虽然取得了一些成绩,但是,根据网站实行的情况和人民群众的期望,还有较大的差距',
    '本年度报告电子版可在上海市人民政府门户网站（www.shanghai.gov.cn）下载。',
    '（四）加强平台建设，扩展公开渠道',
    '强化网站发布审核把关',
    '网站标识码',
    '2024年1月17日',
    '(2026年1月23日)',
    '0',
    '其他',
    '总计',
    '结果',
    '单位：件',
    '二、主动公开政府信息情况',
    '东安区人民政府办公室2021年政府信息公开工作年度报告',
    '附件下载',
  ];
  it.each(body)('%s → report text', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });

  it('finds no chrome in the docx-derived seeds and the OCR text conversion', () => {
    for (const [dir, file] of [
      [SEEDS_DIR, '000_265202b0c314e512.txt'],
      [SEEDS_DIR, '001_c06d29f5e948cb40.txt'],
      [SEEDS_DIR, '002_920a4b5d549ad15c.txt'],
      [SEEDS_DIR, '004_b2a6ebfd1a6d7656.txt'],
      [REAL_DIR, '2025_shuyang-county_txt.txt'],
    ] as const) {
      const hits = readFileSync(join(dir, file), 'utf8').split('\n').filter(isChromeLine);
      expect([file, hits]).toEqual([file, []]);
    }
  });
});

describe('splitChromePrefix', () => {
  it('splits the breadcrumb and toolbar glued to a pingtan body line', () => {
    const line = readFileSync(join(REAL_DIR, '2021_pingtan-zone_txt.txt'), 'utf8').split('\n')[9]!;
    const split = splitChromePrefix(line);
    expect(split?.chrome).toBe(
      '当前位置： 首页政务公开政府信息公开政府信息公开年报 平潭综合实验区2021年度政府信息公开工作年度报告 来源：平潭县人民政府 时间：2022-02-08 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： -->',
    );
    expect(split?.rest.startsWith('根据《中华人民共和国政府信息公开条例》')).toBe(true);
  });

  it('leaves lines without that prefix alone', () => {
    expect(splitChromePrefix('本报告主要根据《条例》编制 -->')).toBeNull();
    expect(splitChromePrefix('当前位置:首页。本年度,我局严格 -->')).toBeNull();
  });
});
