// Report text repeats from report to report (the forms' labels, numbers, headings, page furniture), so the same
// short strings are judged again and again: their verdicts are remembered.

/** Only strings this short are remembered: long ones (prose) rarely recur. */
const MAX_CHARS = 64;
/** Verdicts kept at most; then the memory starts over. */
const MAX_ENTRIES = 20_000;

/**
 * A fresh copy of a string. Lines are often cut from a whole document's text, and a kept slice would keep that
 * text alive: what a memo keeps must be a copy.
 */
export const ownCopy = (s: string): string => [...s].join('');

/**
 * `compute` (a pure function, never returning undefined) with its verdicts on short strings remembered; `keep`
 * makes what is stored independent of the input's text (a string verdict may be the input itself or a slice of it).
 */
export function memoised<T>(compute: (s: string) => T, keep: (v: T) => T = (v) => v): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    if (s.length > MAX_CHARS) return compute(s);
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= MAX_ENTRIES) seen.clear();
      v = keep(compute(s));
      seen.set(ownCopy(s), v);
    }
    return v;
  };
}
