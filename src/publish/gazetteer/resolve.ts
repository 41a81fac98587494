import type { Meta, ResolvedRegion } from '../../model/report.ts';
import { divisionsOfAreaCode, provinceByName, provinceOfPostcode } from './cues.ts';
import { GAZETTEER_SOURCE, divisionOfCode, gazetteer, lineage, within, type Division } from './data.ts';

// Region resolution (spec §8.3): the cues extracted at ingest (meta.region.cues), strongest first, matched against
// the division-code table. The agency's own name chain says which place it is; the portal code (网站标识码 /
// 公网安备) says which region's site hosts it (the parent region); address, postcode, area code and ICP only
// confirm or narrow. A name found in several places stays ambiguous with its candidates listed.

type Cue = Meta['region']['cues'][number];
type Basis = 'name_chain' | 'zone_stem' | 'township_only' | 'address' | 'portal';

const ZONE_RE = /(?:综合实验区|高新技术产业开发区|经济技术开发区|实验区|开发区|高新区|经开区|新区|示范区|试验区|自贸区|保税区|园区)$/;
const TOWNSHIP_RE = /(?:街道|镇|乡|苏木)$/;
const COUNTY_SUFFIXES = ['县', '区', '市', '旗'];

const pathNames = (d: Division) => lineage(d).map((x) => x.name);
const shown = new WeakMap<Division, string>();
/** "code 省›市›县", remembered: the same divisions recur in the evidence of report after report. */
function show(d: Division): string {
  let s = shown.get(d);
  if (s === undefined) shown.set(d, (s = `${d.code} ${pathNames(d).join('›')}`));
  return s;
}
/** Either lies inside the other: a cue about a wider or narrower region that does not contradict. */
const compatible = (a: Division, b: Division) => within(a, b) || within(b, a);

interface ChainMatch {
  divisions: Division[];
  unmatched: string[];
  basis: Basis;
  /** How many names of the chain matched the table (two or more pin a name down). */
  matchedNames: number;
}

/** Divisions named `name` whose ancestors carry every outer name the table knows, outermost first. */
function consistent(name: string, outer: readonly string[]): Division[] {
  const { byName } = gazetteer();
  const known = outer.filter((n) => byName.has(n));
  return (byName.get(name) ?? []).filter((d) => {
    // Each known name at or after the previous one's place among d's ancestors (d itself excluded).
    const up = lineage(d);
    let i = 0;
    for (const n of known) {
      while (i < up.length - 1 && up[i]!.name !== n) i++;
      if (i === up.length - 1) return false;
    }
    return true;
  });
}

/** Same stem, other township suffix: towns become streets (撤镇设街道) and the table is one year's snapshot. */
function townshipVariants(name: string): Division[] {
  const stem = name.replace(TOWNSHIP_RE, '');
  if (stem.length < 2) return [];
  return ['街道', '镇', '乡'].map((s) => stem + s).filter((n) => n !== name).flatMap((n) => gazetteer().byName.get(n) ?? []);
}

/** The innermost place of a name chain the table lists, with every division it may be. */
function matchChain(names: readonly string[]): ChainMatch {
  for (let i = names.length - 1; i >= 0; i--) {
    const found = consistent(names[i]!, names.slice(0, i));
    if (found.length === 0) continue;
    const matchedNames = names.slice(0, i + 1).filter((n) => gazetteer().byName.has(n)).length;
    const unmatched = names.slice(i + 1);
    if (matchedNames === 1 && found[0]!.level === 'township') {
      return { divisions: [...found, ...townshipVariants(names[i]!)], unmatched, basis: 'township_only', matchedNames };
    }
    return { divisions: found, unmatched, basis: 'name_chain', matchedNames };
  }
  // A functional zone is not a division; one named after its host county ("平潭综合实验区") points to it.
  for (const n of names) {
    const stem = ZONE_RE.test(n) ? n.replace(ZONE_RE, '') : '';
    if (stem.length < 2) continue;
    const hosts = COUNTY_SUFFIXES.flatMap((s) => (gazetteer().byName.get(stem + s) ?? []).filter((d) => d.level === 'county'));
    if (hosts.length) return { divisions: hosts, unmatched: [...names], basis: 'zone_stem', matchedNames: 0 };
  }
  return { divisions: [], unmatched: [...names], basis: 'name_chain', matchedNames: 0 };
}

function commonAncestor(ds: readonly Division[]): Division | null {
  let common = ds[0] ? lineage(ds[0]) : [];
  for (const d of ds.slice(1)) {
    const l = lineage(d);
    let i = 0;
    while (i < common.length && common[i] === l[i]) i++;
    common = common.slice(0, i);
  }
  return common.at(-1) ?? null;
}

interface Constraint {
  kind: string;
  divisions: Division[];
  strong: boolean;
  label: string;
}

function constraints(cues: readonly Cue[]): Constraint[] {
  const out: Constraint[] = [];
  for (const c of cues) {
    let divisions: Division[] = [];
    let strong = false;
    if (c.kind === 'site_id' || c.kind === 'police_record') {
      const d = divisionOfCode(c.value);
      divisions = d ? [d] : [];
      strong = true;
    } else if (c.kind === 'address') {
      const m = matchChain(c.value.split('›'));
      divisions = m.basis === 'name_chain' ? m.divisions.map((d) => (d.level === 'township' ? d.parent! : d)) : [];
      strong = divisions.length === 1;
    } else if (c.kind === 'postcode') {
      const d = provinceOfPostcode(c.value);
      divisions = d ? [d] : [];
    } else if (c.kind === 'icp') {
      const d = provinceByName(c.value);
      divisions = d ? [d] : [];
    } else if (c.kind === 'phone_area') {
      divisions = divisionsOfAreaCode(c.value);
    }
    if (divisions.length) out.push({ kind: c.kind, divisions, strong, label: `${c.kind} ${c.value}` });
  }
  return out;
}

function sidecarPin(cues: readonly Cue[], evidence: string[]): Division | null {
  for (const c of cues.filter((x) => x.kind === 'sidecar')) {
    const d = /^\d{6}$/.test(c.value) ? (gazetteer().byCode.get(c.value) ?? null) : (() => {
      const m = matchChain(c.value.split('›'));
      return m.basis === 'name_chain' && m.divisions.length === 1 ? m.divisions[0]! : null;
    })();
    evidence.push(d ? `sidecar ${c.value} → ${show(d)}` : `sidecar ${c.value}: not in the table`);
    if (d) return d;
  }
  return null;
}

const result = (d: Division | null, confidence: ResolvedRegion['confidence'], method: string[], rest: Partial<ResolvedRegion>): ResolvedRegion => ({
  code: d?.code ?? null,
  path: d ? lineage(d).map((x) => ({ code: x.code, name: x.name, level: x.level })) : [],
  confidence,
  method: method.length ? method.join('+') : 'unresolved',
  candidates: [],
  unmatched: [],
  evidence: [],
  source: GAZETTEER_SOURCE,
  ...rest,
});

/** Resolve an agency's region from its extracted cues. Pure and fast: the table is indexed once per process. */
export function resolveRegion(meta: { region: Pick<Meta['region'], 'cues'> }): ResolvedRegion {
  const cues = meta.region.cues;
  const evidence: string[] = [];
  const chainCue = cues.find((c) => c.kind === 'name_chain');
  const chain = chainCue ? matchChain(chainCue.value.split('›')) : { divisions: [], unmatched: [], basis: 'name_chain' as Basis, matchedNames: 0 };
  if (chainCue) evidence.push(`name chain ${chainCue.value} → ${chain.divisions.length ? chain.divisions.map(show).join(' | ') : 'not in the table'}${chain.basis === 'zone_stem' ? ' (zone named after its host county)' : ''}`);
  const unmatched = chain.unmatched;

  const pin = sidecarPin(cues, evidence);
  if (pin) {
    const inner = chain.divisions.filter((d) => within(d, pin));
    const method = inner.length ? ['sidecar', 'name_chain'] : ['sidecar'];
    if (inner.length > 1) return result(commonAncestor(inner), 'ambiguous', method, { candidates: inner.map((d) => ({ code: d.code, path: pathNames(d) })), unmatched, evidence });
    return result(inner[0] ?? pin, 'high', method, { unmatched, evidence });
  }

  const cons = constraints(cues);
  let basis: Basis = chain.basis;
  let cands = chain.divisions;
  let method: string[] = cands.length ? [basis === 'township_only' ? 'name_chain' : basis] : [];
  if (cands.length === 0) {
    const portal = cons.find((c) => c.kind === 'site_id' || c.kind === 'police_record');
    const address = cons.find((c) => c.kind === 'address');
    // No place in the name: the portal owner (a department sits in the region whose site hosts it), else the address.
    if (portal) [basis, cands, method] = ['portal', portal.divisions, [portal.kind]];
    else if (address) [basis, cands, method] = ['address', address.divisions, ['address']];
  }
  let corroborated = 0;
  let strongSupport = false;
  for (const c of cons) {
    if (cands.length === 0) continue;
    const kept = cands.filter((d) => c.divisions.some((x) => compatible(d, x)));
    const agrees = kept.length > 0;
    evidence.push(`${c.label} → ${c.divisions.map(show).join(' | ')} (${agrees ? (kept.length < cands.length ? 'narrows' : 'agrees') : 'conflicts; ignored'})`);
    if (!agrees || method.includes(c.kind)) continue;
    cands = kept;
    method.push(c.kind);
    corroborated++;
    strongSupport ||= c.strong;
  }

  if (cands.length === 0) {
    // Only weak cues left: the deepest single region that every other cue allows (none if they disagree).
    for (const c of cons) evidence.push(`${c.label} → ${c.divisions.map(show).join(' | ')}`);
    const best = cons
      .filter((c) => c.divisions.length === 1 && cons.every((o) => o.divisions.some((x) => compatible(x, c.divisions[0]!))))
      .sort((a, b) => lineage(b.divisions[0]!).length - lineage(a.divisions[0]!).length)[0];
    return result(best?.divisions[0] ?? null, 'low', best ? [best.kind] : [], { unmatched, evidence });
  }
  if (cands.length > 1) {
    return result(commonAncestor(cands), 'ambiguous', method, { candidates: cands.map((d) => ({ code: d.code, path: pathNames(d) })), unmatched, evidence });
  }
  const d = cands[0]!;
  let confidence: ResolvedRegion['confidence'];
  // A unique name is medium on its own; a second matched name, a province, or any agreeing cue makes it high.
  if (basis === 'name_chain') confidence = corroborated || chain.matchedNames >= 2 || d.level === 'province' ? 'high' : 'medium';
  else if (basis === 'township_only' || basis === 'zone_stem' || basis === 'address') confidence = strongSupport ? 'high' : corroborated ? 'medium' : 'low';
  else confidence = 'medium';
  return result(d, confidence, method, { unmatched, evidence });
}
