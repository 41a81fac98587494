import { format } from 'd3-format';

const int = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const pct = format('.1%');

/** Most cells are small whole numbers, printed the same by String (Intl.NumberFormat was ~0.3 ms per report page). */
export const fmt = (n: number | null | undefined): string =>
  (n === null || n === undefined ? '—' : Number.isInteger(n) && (n > 0 || Object.is(n, 0)) && n < 1000 ? String(n) : int.format(n));
export const fmtPct = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : pct(n));

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
