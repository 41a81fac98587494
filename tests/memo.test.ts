import { describe, expect, it } from 'vitest';
import { memoised, ownCopy } from '../src/text/memo.ts';
import { stripLabel } from '../src/text/normalise.ts';

describe('memoised', () => {
  it('gives what the function gives, judging each short string once', () => {
    const calls: string[] = [];
    const key = memoised((s: string) => { calls.push(s); return stripLabel(s); }, ownCopy);
    expect(key('（一）予以公开')).toBe('一予以公开');
    expect(key('（一）予以公开')).toBe('一予以公开');
    expect(key('三、收到和处理政府信息公开申请情况')).toBe('三收到和处理政府信息公开申请情况');
    expect(calls).toEqual(['（一）予以公开', '三、收到和处理政府信息公开申请情况']);
  });

  it('remembers null verdicts too, and not long strings (prose rarely recurs)', () => {
    let n = 0;
    const judge = memoised((s: string) => { n++; return s.startsWith('第') ? 'page-number' : null; });
    expect([judge('123'), judge('123'), judge('第1页'), judge('第1页')]).toEqual([null, null, 'page-number', 'page-number']);
    expect(n).toBe(2);
    const prose = '本机关严格按照《中华人民共和国政府信息公开条例》要求，'.repeat(4);
    judge(prose);
    judge(prose);
    expect(n).toBe(4);
  });
});
