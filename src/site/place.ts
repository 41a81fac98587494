import type { Agency } from '../publish/agencies.ts';
import type { Meta } from '../model/report.ts';

// Where a report or agency sits in the region tree: the division-code path resolved by the gazetteer when
// there is one (province → … → township), else the place names the report itself printed.

type Region = Pick<Meta['region'], 'path_hint'> & { resolved?: Meta['region']['resolved'] };

export function placePath(region: Region): string[] {
  const resolved = region.resolved?.path ?? [];
  return resolved.length ? resolved.map((p) => p.name) : region.path_hint;
}

export function agencyPlacePath(a: Pick<Agency, 'region' | 'region_path_hint'>): string[] {
  return a.region?.path.length ? a.region.path.map((p) => p.name) : a.region_path_hint;
}
