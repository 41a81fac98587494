import { describe, expect, test } from 'vitest';
import { fullNormalise, normaliseText } from '../src/text/normalise.ts';

// normaliseText skips the full pass for text made of common characters; it must agree with it on any string.

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => String.fromCodePoint(from + k));
const codePoints = [...range(0, 0xd7ff), ...range(0xe000, 0x10ffff)];
/** Punctuation, spaces, full-width forms and the marks and jamo that compose with a preceding character. */
const neighbours = [
  ...range(0, 0xff), ...range(0x300, 0x36f), ...range(0x1100, 0x11ff), ...range(0x2000, 0x206f), ...range(0x25a0, 0x25ff),
  ...range(0x3000, 0x303f), '\u3099', '\u309a', ...range(0xff00, 0xffef),
];

describe('normaliseText', () => {
  test('agrees with the full pass on every code point', () => {
    expect(codePoints.filter((c) => normaliseText(c) !== fullNormalise(c))).toEqual([]);
  });

  test('agrees with the full pass on pairs: no composition or reordering is skipped', () => {
    const wrong: string[] = [];
    for (const a of neighbours) for (const b of neighbours) if (normaliseText(a + b) !== fullNormalise(a + b)) wrong.push(a + b);
    for (const h of range(0x4e00, 0x9fff)) {
      for (const n of ['a', '，', '\u3000', '\u3099', '\u0301']) {
        if (normaliseText(h + n) !== fullNormalise(h + n) || normaliseText(n + h) !== fullNormalise(n + h)) wrong.push(h + n);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('maps full-width forms and spaces, keeps line breaks', () => {
    expect(normaliseText('一、（１）本年新收\u3000２３件，\u00a0ＯＫ\n')).toBe('一、(1)本年新收 23件, OK\n');
    expect(normaliseText('a\r\nb\u2026')).toBe('a\nb...');
  });
});
