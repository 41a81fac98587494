// Search index shards: one Pagefind bundle per report year (STACK-NOTES §3), merged in the browser.
export const shardOf = (year: number | null): string => (year === null ? 'unknown' : String(year));
export const shardPath = (shard: string): string => `/pagefind/${shard}/`;
