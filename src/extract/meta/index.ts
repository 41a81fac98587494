// Report metadata (spec §8) from the document model. Collection sidecar fields override what the text says.

import type { Document } from '../../model/document.ts';
import type { Meta } from '../../model/report.ts';
import type { Sidecar } from '../../model/sidecar.ts';
import { sectionSegments, type Segment } from '../sections.ts';
import { agencyFromText, completeAgencyName, describeAgency, isAgencyName } from './agency.ts';
import { readCatalogue } from './catalogue.ts';
import { extractContact } from './contact.ts';
import { DATE_SRC, CN_DATE_SRC, findCutoffYear, findPeriod, mayEndWithDate } from './dates.ts';
import { findPublished } from './published.ts';
import { extractRegion } from './region.ts';
import { findUrls, formatDeclared, isAggregate, portalUrl } from './statements.ts';
import { documentLines, proseText } from './text.ts';
import { findTitle } from './title.ts';

export type ExtractedMeta = Omit<Meta, 'era' | 'era_evidence' | 'has_tables'>;

/** Catalogue blocks sit above or below the article; the middle of a long body is report text. */
const CATALOGUE_HEAD = 150;
const CATALOGUE_TAIL = 40;
/** The organ printed before the closing date ("…日常化。平潭县人民政府 2013年1月16日"). */
const SIGNATURE_RE = new RegExp(`(?:^|[\\s。])([\\u4e00-\\u9fff]{2,30}?)\\s*(?:${DATE_SRC}|${CN_DATE_SRC})\\s*$`);
const BODY_YEAR_RE = /(?:^|\n)((?:19|20)\d{2})年(?:度|以来)?[,，、]/;
/** A document number printed on its own line under the title: "厦湖府〔2019〕1号". */
const DOC_NUMBER_LINE_RE = /^[\u4e00-\u9fff]{1,12}\s*[〔[]\s*(?:19|20)\d{2}\s*[〕\]]\s*\d{1,4}\s*号$/;
const HEAD_LINES = 8;

/** Contacts sit in the preamble, sometimes at the end of the report (which then completes the preamble's). */
function contactFrom(preamble: string, closing: string, full: string): Meta['contact'] {
  const first = extractContact(preamble);
  if (first.phone.length || first.email || first.address || first.postcode) {
    const rest = extractContact(closing);
    return {
      phone: first.phone.length ? first.phone : rest.phone,
      fax: first.fax ?? rest.fax,
      postcode: first.postcode ?? rest.postcode,
      email: first.email ?? rest.email,
      address: first.address ?? rest.address,
      office: first.office ?? rest.office,
    };
  }
  return extractContact(full);
}

/** The organ signing the report, when the closing text ends with it and a date. */
function signatureAgency(closing: string): string | null {
  const org = mayEndWithDate(closing) ? SIGNATURE_RE.exec(closing)?.[1] : undefined;
  return org && isAgencyName(org) ? org : null;
}

/** "2021年，…" opening the overview section. */
function bodyYear(segments: readonly Segment[]): number | null {
  const y = BODY_YEAR_RE.exec(proseText(segments.find((s) => s.key === 's1_overview')?.lines ?? []))?.[1];
  return y ? +y : null;
}

/** The year from the first source that gives one; later sources are not read. */
function firstYear(sources: [string, () => number | null | undefined][]): { year: number | null; source: string | null } {
  for (const [source, read] of sources) {
    const year = read();
    if (year) return { year, source };
  }
  return { year: null, source: null };
}

export function extractMeta(doc: Document, opts: { sidecar: Sidecar | null }): ExtractedMeta {
  const { sidecar } = opts;
  const { body: lines, tableRows } = documentLines(doc);
  const chrome = doc.hints.chrome.map((c) => c.text);
  const catalogue = readCatalogue([
    ...doc.hints.chrome,
    ...lines.slice(0, CATALOGUE_HEAD),
    ...lines.slice(Math.max(CATALOGUE_HEAD, lines.length - CATALOGUE_TAIL)),
    ...tableRows,
  ]);
  const catalogueValue = (field: string) => catalogue.find((e) => e.field === field)?.value ?? null;

  const segments = sectionSegments(doc);
  const preamble = proseText(segments[0]?.lines ?? []);
  const full = proseText(lines);
  const lastSection = segments.findLast((s) => s.key !== null && s.lines.length > 0);
  const closing = proseText(lastSection?.lines ?? segments[0]?.lines ?? []);

  const title = findTitle(lines, catalogueValue('name'), doc.hints.title);
  const publisher = catalogueValue('publisher');
  const rawAgency =
    sidecar?.agency_name ??
    (title?.agency || null) ??
    agencyFromText(preamble) ??
    signatureAgency(closing) ??
    (publisher && isAgencyName(publisher) ? publisher : null) ??
    agencyFromText(full);
  const agency = rawAgency ? describeAgency(completeAgencyName(rawAgency)) : null;

  const period = findPeriod(preamble) ?? findPeriod(full);
  const { year, source: yearSource } = firstYear([
    ['sidecar', () => sidecar?.year],
    ['title', () => title?.year],
    ['period', () => period?.year ?? findCutoffYear(full)],
    ['body', () => bodyYear(segments)],
  ]);

  const sourceUrl = sidecar?.source_url ?? doc.hints.source_url ?? null;
  const published = sidecar?.published_at
    ? { iso: sidecar.published_at, raw: sidecar.published_at, source: 'sidecar' }
    : findPublished({ hintDate: doc.hints.published_at, chrome, head: segments[0]?.lines ?? [], closing, catalogue, url: sourceUrl, year });

  const contact = contactFrom(preamble, closing, full);
  const portal = portalUrl(preamble) ?? portalUrl(full);
  const region = extractRegion({
    sidecar,
    chrome,
    text: full,
    places: agency?.places ?? [],
    address: contact.address,
    postcode: contact.postcode,
    phones: contact.phone,
    urls: [sourceUrl, portal, ...findUrls(chrome.join('\n'))].filter((u): u is string => !!u),
  });

  return {
    title: title?.title ?? null,
    agency_name: agency?.name ?? null,
    agency_short: agency?.short ?? null,
    agency_kind: agency?.kind ?? null,
    admin_level: agency?.level ?? null,
    year,
    year_source: yearSource,
    published_at: published.iso,
    published_at_raw: published.raw,
    published_at_source: published.source,
    period: period ? { start: period.start, end: period.end } : null,
    contact,
    portal_url: portal,
    source_url: sourceUrl,
    doc_number: catalogueValue('doc_number') ?? (segments[0]?.lines.slice(0, HEAD_LINES).find((l) => DOC_NUMBER_LINE_RE.test(l.text.trim()))?.text.trim() ?? null),
    index_no: catalogueValue('index_no'),
    region,
    is_aggregate: isAggregate(full),
    format_declared: formatDeclared(full),
  };
}
