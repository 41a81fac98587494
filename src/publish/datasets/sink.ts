import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { linkOrCopy } from '../../fs/link-or-copy.ts';
import { byCodePoint } from '../../model/canonical.ts';
import { header, record, type Table } from './table.ts';

// Every file goes through a Sink, which hashes and counts it while writing, so SHA256SUMS, datapackage.json
// and files.json never re-read what was just written. Large files are appended to chunk by chunk (one report
// at a time) and never held in memory whole.

/** UTF-8 BOM: Excel on Chinese Windows reads BOM-less UTF-8 as GBK. */
const BOM = '\uFEFF';

/**
 * RFC 4180 field: quoted when it holds a quote, comma, CR or LF, with quotes doubled. Byte for byte what
 * csv-stringify 6.9 writes with `record_delimiter: 'windows', quote_record_delimiter: true` for string fields
 * (tests/bench-smoke.test.ts compares the two), at a fraction of its cost: at 100k reports the CSV
 * formatting of cells.csv alone took minutes.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const field = (v: string): string => (NEEDS_QUOTES.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV text of some records, without header or BOM: chunks of one file can be formatted separately. */
export function csvText(records: string[][]): string {
  let out = '';
  for (const r of records) {
    for (let i = 0; i < r.length; i++) out += i ? `,${field(r[i]!)}` : field(r[i]!);
    out += '\r\n';
  }
  return out;
}

export function csvHead<R>(table: Table<R>): string {
  return BOM + csvText([header(table)]);
}

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
  /** CSV only: data rows (header excluded) and the header. */
  rows?: number;
  columns?: string[];
}

type Register = (f: WrittenFile) => WrittenFile;

/**
 * Chunks are passed to the stream in batches of at least this many bytes: a report adds a few small chunks to
 * each of nine files, and a stream write per chunk cost more than formatting them.
 */
const BATCH = 2 ** 20;

/** A file written in chunks, with backpressure. Chunks are held until written: callers must not reuse them. */
export class Appender {
  readonly path: string;
  private readonly stream: WriteStream;
  private readonly register: Register;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private batch: Uint8Array[] = [];
  private batched = 0;

  constructor(path: string, stream: WriteStream, register: Register) {
    this.path = path;
    this.stream = stream;
    this.register = register;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.bytes;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (!chunk.length) return;
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash.update(buf);
    this.bytes += buf.byteLength;
    this.batch.push(buf);
    this.batched += buf.byteLength;
    if (this.batched >= BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.batch.length === 1 ? this.batch[0]! : Buffer.concat(this.batch, this.batched);
    this.batch = [];
    this.batched = 0;
    if (chunk.length && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<WrittenFile> {
    await this.flush();
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return this.register({ path: this.path, bytes: this.bytes, sha256: this.hash.digest('hex') });
  }
}

/** A CSV file written in chunks of rows. */
export class CsvAppender<R> {
  readonly table: Table<R>;
  private readonly out: Appender;
  private readonly register: Register;
  private rows = 0;

  constructor(out: Appender, table: Table<R>, register: Register) {
    this.out = out;
    this.table = table;
    this.register = register;
  }

  /** Bytes written so far (the BOM and header included). */
  get size(): number {
    return this.out.size;
  }

  /** Appends rows already formatted with csvText (shared by several files), as text or UTF-8 bytes. */
  writeText(text: string | Uint8Array, rows: number): Promise<void> {
    this.rows += rows;
    return this.out.write(text);
  }

  write(rows: readonly R[]): Promise<void> {
    return this.writeText(csvText(rows.map((r) => record(this.table, r))), rows.length);
  }

  async close(): Promise<WrittenFile> {
    return this.register({ ...(await this.out.close()), rows: this.rows, columns: header(this.table) });
  }
}

export class Sink {
  readonly root: string;
  private readonly files = new Map<string, WrittenFile>();
  /** Folders already created (100k per-report files share one folder). */
  private readonly dirs = new Set<string>();

  constructor(root: string) {
    this.root = root;
  }

  private async target(path: string): Promise<string> {
    if (this.files.has(path)) throw new Error(`dataset file written twice: ${path}`);
    this.files.set(path, { path, bytes: 0, sha256: '' });
    const abs = join(this.root, path);
    const dir = dirname(abs);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    return abs;
  }

  private readonly add = (f: WrittenFile): WrittenFile => {
    this.files.set(f.path, f);
    return f;
  };

  async text(path: string, content: string | Buffer): Promise<WrittenFile> {
    const abs = await this.target(path);
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // Removed first: an earlier build may have linked this name to another stage's file (see link).
    await rm(abs, { force: true });
    await writeFile(abs, buf);
    return this.add({ path, bytes: buf.byteLength, sha256: createHash('sha256').update(buf).digest('hex') });
  }

  /**
   * A file that already exists elsewhere with exactly `content` (a stored report), hard-linked instead of written:
   * no bytes written. The other stage only ever replaces its file, so the link keeps these bytes.
   */
  async link(path: string, src: string, content: readonly Buffer[]): Promise<WrittenFile> {
    const abs = await this.target(path);
    await rm(abs, { force: true });
    linkOrCopy(src, abs);
    const hash = createHash('sha256');
    for (const c of content) hash.update(c);
    return this.add({ path, bytes: content.reduce((n, c) => n + c.byteLength, 0), sha256: hash.digest('hex') });
  }

  /** Indented JSON, for the small descriptive files people read. */
  json(path: string, value: unknown): Promise<WrittenFile> {
    return this.text(path, `${prettyJson(value)}\n`);
  }

  /** A whole small CSV (per-report and per-agency files). */
  async csv<R>(path: string, table: Table<R>, rows: readonly R[], body = csvText(rows.map((r) => record(table, r)))): Promise<WrittenFile> {
    return this.add({ ...(await this.text(path, csvHead(table) + body)), rows: rows.length, columns: header(table) });
  }

  /** Register a file that is already in place and unchanged since it was written (incremental builds). */
  keep(f: WrittenFile): WrittenFile {
    if (this.files.has(f.path)) throw new Error(`dataset file written twice: ${f.path}`);
    this.files.set(f.path, f);
    return f;
  }

  /** A whole small CSV whose body rows were formatted earlier (csvText); `rows` counts them. */
  async csvRows<R>(path: string, table: Table<R>, rows: number, body: string | Buffer): Promise<WrittenFile> {
    const content = typeof body === 'string' ? csvHead(table) + body : Buffer.concat([Buffer.from(csvHead(table)), body]);
    return this.add({ ...(await this.text(path, content)), rows, columns: header(table) });
  }

  async open(path: string): Promise<Appender> {
    return new Appender(path, createWriteStream(await this.target(path)), this.add);
  }

  async openCsv<R>(path: string, table: Table<R>): Promise<CsvAppender<R>> {
    const csv = new CsvAppender(await this.open(path), table, this.add);
    await csv.writeText(csvHead(table), 0);
    return csv;
  }

  /** Every file written so far, sorted by path (code-point order). */
  list(): WrittenFile[] {
    return [...this.files.values()].sort((a, b) => byCodePoint(a.path, b.path));
  }
}

/** Objects and arrays whose compact JSON fits this many characters stay on one line. */
const LINE = 200;

/** Indented JSON in which every small object or array (a schema field, an enum, a cell) stays on one line. */
export function prettyJson(value: unknown, pad = ''): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || flat.length <= LINE) return flat;
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + prettyJson(v, inner)).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${prettyJson(v, inner)}`).join(',\n')}\n${pad}}`;
}
