import { defineCollection } from 'astro:content';
import { LeanSchema } from './publish/lean.ts';
import { INGEST_DIR } from './site/paths.ts';
import { reportsLoader } from './site/loader.ts';

export const collections = {
  reports: defineCollection({ loader: reportsLoader(INGEST_DIR), schema: LeanSchema }),
};
