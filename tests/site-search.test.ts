import { describe, expect, it } from 'vitest';
import { queryTerms } from '../src/site/search-client.ts';
import { SEP, segment } from '../src/site/searchdoc.ts';

describe('search text segmentation', () => {
  it('only inserts invisible separators: removing them gives the text back', () => {
    const text = '南关区长通街道办事处2021年，收到申请6件。Email: a@b.cn 行政复议';
    expect(segment(text).replaceAll(SEP, '')).toBe(text);
  });

  it('splits Chinese the way browsers segment queries, so fragments like 长通 are words', () => {
    const words = new Set(segment('南关区长通街道办事处').split(SEP));
    const query = [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment('长通')].map((s) => s.segment);
    expect(query.every((w) => words.has(w))).toBe(true);
  });

  it('keeps numbers whole', () => {
    expect(segment('收到申请3119件').split(SEP)).toContain('3119');
  });
});

describe('query terms', () => {
  it('treats quotes as phrase marks and whitespace as AND', () => {
    expect(queryTerms('"东安区" 复议')).toEqual(['东安区', '复议']);
    expect(queryTerms('  ')).toEqual([]);
  });
});
