import { describe, expect, test } from 'vitest';
import { chineseToNumber, NUMBER_SRC, parseNumber } from '../src/text/numerals.ts';

describe('chineseToNumber', () => {
  test.each([
    ['十八', 18],
    ['二十三', 23],
    ['一百零五', 105],
    ['十', 10],
    ['一十二', 12],
    ['两', 2],
    ['两百', 200],
    ['一千零一', 1001],
    ['三万五千', 35000],
    ['零', 0],
    ['〇', 0],
    // Years are written digit by digit, with the circle zero the converter does not know on its own.
    ['二〇一二', 2012],
    ['二○一二', 2012],
  ])('%s → %d', (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  test.each(['', '是', '二十日', '12'])('%j is not a Chinese numeral', (s) => {
    expect(chineseToNumber(s)).toBeNull();
  });
});

describe('parseNumber', () => {
  test.each([
    ['186', 186],
    ['0', 0],
    ['1,234', 1234],
    ['7730.28', 7730.28],
    ['3.5万', 35000],
    ['4.52万', 45200],
    ['5500', 5500],
    ['二十三', 23],
    ['为', null],
  ])('%s → %s', (s, n) => {
    expect(parseNumber(s)).toBe(n);
  });

  test('NUMBER_SRC matches whole tokens in prose', () => {
    const re = new RegExp(`(${NUMBER_SRC})条`, 'g');
    const found = [...'主动公开政府信息1,234条，其中规范性文件二十三条，共计3.5万条'.matchAll(re)].map((m) => parseNumber(m[1]!));
    expect(found).toEqual([1234, 23, 35000]);
  });
});
