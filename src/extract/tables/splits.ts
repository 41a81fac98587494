/**
 * Every way to cut a run of digits into `k` printed cells: each cell a number without a leading zero
 * ("0" alone is fine), optionally with a leading minus (signed cells) or one decimal point (money cells).
 * Enumeration stops after `limit` candidates so a pathological run cannot explode.
 */
export interface SplitOptions {
  signed?: boolean[];
  decimal?: boolean[];
  limit?: number;
}

const INT = /^(0|[1-9]\d*)$/;
const DEC = /^(0|[1-9]\d*)(\.\d+)?$/;

function valid(part: string, signed: boolean, decimal: boolean): boolean {
  const body = signed && part.startsWith('-') ? part.slice(1) : part;
  return body.length > 0 && (decimal ? DEC : INT).test(body) && !(signed && part.startsWith('-') && body === '0');
}

export function splits(run: string, k: number, opts: SplitOptions = {}): string[][] {
  const limit = opts.limit ?? 100_000;
  const out: string[][] = [];
  const parts: string[] = [];
  const go = (pos: number) => {
    if (out.length >= limit) return;
    const i = parts.length;
    if (i === k - 1) {
      const last = run.slice(pos);
      if (valid(last, !!opts.signed?.[i], !!opts.decimal?.[i])) out.push([...parts, last]);
      return;
    }
    for (let end = pos + 1; end <= run.length - (k - 1 - i); end++) {
      const part = run.slice(pos, end);
      if (!valid(part, !!opts.signed?.[i], !!opts.decimal?.[i])) {
        if (/^0\d/.test(part)) break; // a longer cell would keep the leading zero
        continue;
      }
      parts.push(part);
      go(end);
      parts.pop();
    }
  };
  go(0);
  return out;
}
