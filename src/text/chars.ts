// Tests on one character code, for hot loops over report text that would otherwise cut one-character strings
// or run a regex per character.

/** The character codes of `chars`, as a set to test one code against. */
export function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}

/** An ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** An ASCII letter or digit. */
export function isWordCode(c: number): boolean {
  return isDigitCode(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `\s` on one character code (WhiteSpace and LineTerminator). */
export function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
