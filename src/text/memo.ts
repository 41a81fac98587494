/**
 * A pure function of strings with its recent results kept: report text repeats from report to report (the forms'
 * labels, numbers, page furniture), so the same short strings are judged again and again. At most `max` results
 * are kept; then the memory starts over. `fn` must never return undefined.
 */
export function memoised<T>(fn: (s: string) => T, max = 4096): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= max) seen.clear();
      v = fn(s);
      seen.set(s, v);
    }
    return v;
  };
}
