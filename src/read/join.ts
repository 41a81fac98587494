// Joining wrapped pieces of one printed cell or line. Chinese has no spaces between words, so a line break
// (or <br>) inside "本年新 / 制作数量" must vanish; between Latin words or numbers it stands for a space.

const WORDISH_RE = /[A-Za-z0-9]/;

/** Join two pieces of wrapped text: no space unless both sides are ASCII letters or digits. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a.at(-1) ?? '';
  const first = b[0] ?? '';
  return WORDISH_RE.test(last) && WORDISH_RE.test(first) ? `${a} ${b}` : a + b;
}

/** Join many pieces with joinWrapped, ignoring empty ones. */
export function joinAll(pieces: readonly string[]): string {
  return pieces.reduce((acc, p) => joinWrapped(acc, p.trim()), '');
}
