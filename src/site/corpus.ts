import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Timeliness } from '../check/timeliness.ts';
import type { CorpusSummary } from '../ingest/link.ts';
import type { Lead, LeadKind } from '../publish/leads.ts';
import { INGEST_DIR } from './paths.ts';

// The corpus-level results of the ingest (<ingest dir>/corpus.json: agencies, leads, timeliness, written by
// src/ingest/link.ts), read once per build process and indexed for the pages that show them.

export interface SiteCorpus {
  leads: Lead[];
  leadsByKind: Map<LeadKind, Lead[]>;
  timelinessByReport: Map<string, Timeliness>;
}

let corpus: SiteCorpus | undefined;

export function siteCorpus(): SiteCorpus {
  if (corpus) return corpus;
  const file = path.join(INGEST_DIR, 'corpus.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run the ingest stage (npm run build) so the corpus pass writes it`);
  const c = JSON.parse(readFileSync(file, 'utf8')) as CorpusSummary;
  const leadsByKind = new Map<LeadKind, Lead[]>();
  for (const l of c.leads) {
    let list = leadsByKind.get(l.kind);
    if (!list) leadsByKind.set(l.kind, (list = []));
    list.push(l);
  }
  corpus = { leads: c.leads, leadsByKind, timelinessByReport: new Map(c.timeliness.reports.map((t) => [t.report_id, t])) };
  return corpus;
}
