import type { APIRoute } from 'astro';
import { site } from '../../../site/store.ts';
import { indexRow, provinceOf, UNKNOWN_PROVINCE, type IndexRow } from '../../../site/compare.ts';

// /compare/index/<province code>.json: the compare page's picker rows for one province, by name.

export async function getStaticPaths() {
  const s = await site();
  const byProvince = new Map<string, IndexRow[]>();
  for (const a of s.agencies) {
    const code = provinceOf(a)?.code ?? UNKNOWN_PROVINCE;
    let rows = byProvince.get(code);
    if (!rows) byProvince.set(code, (rows = []));
    rows.push(indexRow(a));
  }
  return [...byProvince].map(([province, rows]) => ({ params: { province }, props: { rows } }));
}

export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.rows));
