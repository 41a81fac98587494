import { describe, expect, it } from 'vitest';
import { memoised } from '../src/text/memo.ts';
import { stripLabel } from '../src/text/normalise.ts';

describe('memoised', () => {
  it('gives what the function gives, judging each string once while it is remembered', () => {
    const calls: string[] = [];
    const key = memoised((s: string) => { calls.push(s); return stripLabel(s); }, 2);
    expect(key('（一）予以公开')).toBe('一予以公开');
    expect(key('（一）予以公开')).toBe('一予以公开');
    expect(key('三、收到和处理政府信息公开申请情况')).toBe('三收到和处理政府信息公开申请情况');
    expect(calls).toEqual(['（一）予以公开', '三、收到和处理政府信息公开申请情况']);
    // A third string starts the memory over: the first is judged again, with the same answer.
    expect(key('本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(key('（一）予以公开')).toBe('一予以公开');
    expect(calls).toHaveLength(4);
  });

  it('remembers null verdicts too', () => {
    let n = 0;
    const judge = memoised((s: string) => { n++; return s.startsWith('第') ? 'page-number' : null; });
    expect([judge('123'), judge('123'), judge('第1页'), judge('第1页')]).toEqual([null, null, 'page-number', 'page-number']);
    expect(n).toBe(2);
  });
});
