import { format } from 'd3-format';

const int = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const pct = format('.1%');

export const fmt = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : int.format(n));
export const fmtPct = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : pct(n));

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
