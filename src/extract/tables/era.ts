import { active2019, active2021 } from '../../forms/active.ts';
import type { Era, Label, ModernEra } from '../../forms/index.ts';
import type { Document } from '../../model/document.ts';
import { labelKey } from '../../text/normalise.ts';
import { isLabelLike, type Token } from './tokens.ts';

// Era detection from table structure (spec §7.9) — never from the cited notice.

interface Cue { zh: string; frag: string }

/** Each era's own table-2 column headers (and 2019-only rows), by their most specific fragment. */
function cues(own: Label[], other: Label[]): Cue[] {
  const frag = (l: Label) => l.match?.[0] ?? labelKey(l.zh);
  const otherFrags = other.map(frag);
  return own.map((l) => ({ zh: l.zh, frag: frag(l) })).filter((c) => !otherFrags.some((o) => o.includes(c.frag) || c.frag.includes(o)));
}
const cols = (t: typeof active2021) => t.blocks.flatMap((b): Label[] => b.columns);
const ONLY_2021 = cues(cols(active2021), cols(active2019));
const ONLY_2019 = [
  ...cues(cols(active2019), cols(active2021)),
  ...cues(active2019.blocks.flatMap((b): Label[] => b.rows), active2021.blocks.flatMap((b): Label[] => b.rows)),
];
/** Any cue in a label, one regex test before finding which (most labels have none). */
const cueTest = (cues: Cue[]) => new RegExp(cues.map((c) => c.frag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const ANY_2021_RE = cueTest(ONLY_2021);
const ANY_2019_RE = cueTest(ONLY_2019);
const OTHER_HEADING = '六其他处理';
const NO_CORRECTION = '逾期不补正';
const LEGACY_CUES = ['收费及减免', '申请办结数', '同意公开答复', '依申请公开信息收取的费用', '不同意公开答复', '收到申请数'];

export interface EraDecision {
  era: Era;
  evidence: string[];
  /** Structure and year disagree (e.g. a 2020 report in legacy style); worth a note. */
  mismatch: string | null;
}

/** The whole text of a document, table cells included: where the legacy cues are looked for. */
function documentText(doc: Document): string {
  const parts: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'text') parts.push(b.text);
    else for (const row of b.rows) parts.push(row.map((c) => c.text).join(' '));
  }
  return parts.join('\n');
}

export function detectEra(tokens: readonly Token[], year: number | null, hasModernTables: boolean, doc: Document): EraDecision {
  const evidence: string[] = [];
  let s2021 = 0;
  let s2019 = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isLabelLike(t)) continue;
    const l21 = ANY_2021_RE.test(t.key) ? ONLY_2021.find((c) => t.key.includes(c.frag)) : undefined;
    if (l21) { s2021++; if (evidence.length < 6) evidence.push(`table 2 header ${l21.zh} (gov2021)`); continue; }
    const l19 = ANY_2019_RE.test(t.key) ? ONLY_2019.find((c) => t.key.includes(c.frag)) : undefined;
    if (l19) { s2019++; if (evidence.length < 6) evidence.push(`table 2 ${l19.zh} (gov2019)`); continue; }
    if (t.key === OTHER_HEADING) {
      const next = tokens[i + 1];
      if (next?.key.includes(NO_CORRECTION)) { s2021++; evidence.push('table 3 （六）其他处理 split into sub-rows (gov2021)'); }
      else if (next && next.cls !== 'text') { s2019++; evidence.push('table 3 （六）其他处理 is a single row (gov2019)'); }
    }
  }
  const byYear: ModernEra | 'legacy' | null = year === null ? null : year >= 2021 ? 'gov2021' : year >= 2019 ? 'gov2019' : 'legacy';
  if (s2021 !== s2019) {
    const era: ModernEra = s2021 > s2019 ? 'gov2021' : 'gov2019';
    return { era, evidence, mismatch: byYear && byYear !== era ? `report year ${year} suggests ${byYear} but the tables are ${era}` : null };
  }
  if (hasModernTables) {
    const era: ModernEra = byYear === 'gov2019' ? 'gov2019' : 'gov2021';
    evidence.push(`modern tables without a deciding header; era from report year ${year ?? 'unknown'}`);
    return { era, evidence, mismatch: null };
  }
  // Only a report without modern tables needs its whole text.
  const fullText = documentText(doc);
  const legacyCue = LEGACY_CUES.find((c) => fullText.includes(c));
  if (legacyCue || byYear === 'legacy') {
    evidence.push(legacyCue ? `legacy indicator ${legacyCue}` : `no modern tables; report year ${year}`);
    return {
      era: 'legacy', evidence,
      mismatch: byYear && byYear !== 'legacy' ? `report year ${year} requires the ${byYear} format but the report is written in the legacy style` : null,
    };
  }
  evidence.push(byYear ? `no tables; era from report year ${year}` : 'no tables and no year; assumed gov2021');
  return { era: byYear ?? 'gov2021', evidence, mismatch: null };
}
