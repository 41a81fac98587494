/** Long lists are split into pages of this many rows so no page grows with the archive. */
export const PAGE_SIZE = 500;

export interface Page<T> { n: number; count: number; items: T[] }

export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ n: i + 1, count, items: items.slice(i * size, (i + 1) * size) }));
}

/** Rest-param value for page n: the first page has none (/x/), later ones are /x/2/. */
export const pageParam = (n: number) => (n === 1 ? undefined : String(n));
