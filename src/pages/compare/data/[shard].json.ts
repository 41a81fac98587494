import type { APIRoute } from 'astro';
import { site } from '../../../site/store.ts';
import { allShards, compareRecords, shardOf, shardWidth, type CompareAgency } from '../../../site/compare.ts';

// /compare/data/<shard>.json: the compare records of the agencies whose id starts with <shard> (see compare.ts).

export async function getStaticPaths() {
  const s = await site();
  const width = shardWidth(s.agencies.length);
  const byShard = new Map<string, Record<string, CompareAgency>>(allShards(width).map((k) => [k, {}]));
  for (const rec of compareRecords(s.agencies, (id) => s.agencyReports.get(id)!)) byShard.get(shardOf(rec.id, width))![rec.id] = rec;
  return [...byShard].map(([shard, records]) => ({ params: { shard }, props: { records } }));
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.records));
