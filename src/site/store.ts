import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import type { Report } from '../model/report.ts';
import type { Lean } from './lean.ts';
import { buildModel, type SiteModel } from './model.ts';
import { reportJsonPath } from './paths.ts';

// getCollection once per build process (STACK-NOTES §2 rule 2); every page shares the same model.
let model: Promise<SiteModel> | undefined;

export function site(): Promise<SiteModel> {
  model ??= getCollection('reports').then((entries: { data: Lean }[]) => buildModel(entries.map((e) => e.data)));
  return model as Promise<SiteModel>;
}

/** The full report, read only by its own page (the loader already validated this file). */
export function loadReport(id: string): Report {
  return JSON.parse(readFileSync(reportJsonPath(id), 'utf8')) as Report;
}
