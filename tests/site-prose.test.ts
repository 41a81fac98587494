import { describe, expect, it } from 'vitest';
import { proseHtml } from '../src/site/prose.ts';

describe('prose rendering of untrusted report text', () => {
  it('keeps one paragraph per printed line', () => {
    expect(proseHtml('第一段。\n\n第二段。\n第三段。')).toBe('<p>第一段。</p>\n<p>第二段。</p>\n<p>第三段。</p>');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="//evil"></iframe>',
  ])('never emits active content for %s', (text) => {
    const html = proseHtml(`前文 ${text} 后文`);
    // Only <p> elements come out; the report's markup survives as visible, escaped text.
    expect(html.match(/<\/?[a-z][^>]*>/gi)).toEqual(['<p>', '</p>']);
    expect(html).toContain('&#x3C;');
  });

  it('does not turn Markdown links into links', () => {
    expect(proseHtml('[点击](javascript:alert(1))')).toBe('<p>[点击](javascript:alert(1))</p>');
  });

  it('prints Markdown-looking characters as written', () => {
    const line = '1. 第（一）项 *重点* # 标题 - 列表 [注]';
    expect(proseHtml(line)).toBe(`<p>${line}</p>`);
  });

  it('prints character references as written, not decoded', () => {
    expect(proseHtml('&copy; 2024 &lt;b&gt;')).toBe('<p>&#x26;copy; 2024 &#x26;lt;b&#x26;gt;</p>');
  });
});
