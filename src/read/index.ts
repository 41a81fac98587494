// Entry point of the readers: raw bytes of any collected file → the one document model. Magic bytes decide first
// (gov sites serve HTML as ".doc" and PDFs without extensions); the file extension only decides between text-like
// readers or names the problem.

import { extname } from 'node:path';
import { ReadError, type Document, type Reader } from '../model/document.ts';
import { readHtml } from './html.ts';
import { readText } from './text.ts';

// The PDF and Word readers are loaded on first use: most collected files are text or web pages, and loading
// mammoth and the PDF layout code cost every ingest thread ~0.15 s at start.
const readPdf: Reader = async (bytes, file) => (await import('./pdf.ts')).readPdf(bytes, file);
const readDocx: Reader = async (bytes, file) => (await import('./docx.ts')).readDocx(bytes, file);

const HEAD_BYTES = 4096;
const HTML_TAG_RE = /<(?:!doctype\s+html|html|head|body|meta|title|p|div|table|span|br)\b/i;

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGE_MAGICS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x49, 0x49, 0x2a, 0x00], // TIFF little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF big-endian
];
/** DIB header sizes that follow "BM" in a real BMP (a text file may well start with "BM"). */
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 108, 124]);

const TEXT_EXTS = new Set(['.txt', '.md', '.markdown']);
const HTML_EXTS = new Set(['.html', '.htm', '.shtml', '.xhtml']);
const SPREADSHEET_EXTS = new Set(['.xls', '.xlsx', '.et']);
/** Containers whose magic bytes were missing: only an HTML page saved under that name is still readable. */
const CONTAINER_EXTS = new Set(['.pdf', '.docx', '.doc', '.wps', ...SPREADSHEET_EXTS]);

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  return magic.every((b, i) => bytes[offset + i] === b);
}

function head(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEAD_BYTES)).toString('latin1');
}

function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(needle, 0, 'latin1');
}

function isImage(bytes: Uint8Array): boolean {
  if (IMAGE_MAGICS.some((m) => startsWith(bytes, m))) return true;
  if (head(bytes).startsWith('RIFF') && head(bytes).slice(8, 12) === 'WEBP') return true;
  const dib = bytes.length >= 18 ? (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24) : 0;
  return bytes[0] === 0x42 && bytes[1] === 0x4d && BMP_DIB_SIZES.has(dib);
}

function convertHint(file: string): string {
  return `convert it with \`libreoffice --headless --convert-to docx ${file}\` (or to PDF) and ingest the result`;
}

/** Reader for ZIP containers: only Word documents are reports; say what else it is. */
function zipReader(bytes: Uint8Array, file: string): typeof readDocx {
  if (contains(bytes, 'word/document.xml')) return readDocx;
  if (contains(bytes, 'xl/workbook')) {
    throw new ReadError('spreadsheet', `${file} is an Excel workbook (.xlsx), not a report document; find the report itself (its tables are usually inside the report) or save the sheet as HTML and ingest that`);
  }
  if (contains(bytes, 'application/vnd.oasis.opendocument')) {
    throw new ReadError('unsupported-format', `${file} is an OpenDocument file; ${convertHint(file)}`);
  }
  throw new ReadError('archive', `${file} is a ZIP archive, not a document; unpack it and ingest the report file inside`);
}

/**
 * Read any collected file into the document model. Throws ReadError (reason + what to do) for inputs that cannot
 * be read: empty, binary, legacy Office, images, spreadsheets, archives, oversized text.
 */
export async function readDocument(bytes: Uint8Array, file: string): Promise<Document> {
  if (bytes.length === 0) throw new ReadError('empty', `${file} is empty (0 bytes); re-download the report`);
  const ext = extname(file).toLowerCase();
  const start = head(bytes);

  if (start.slice(0, 1024).includes('%PDF-')) return readPdf(bytes, file);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipReader(bytes, file)(bytes, file);
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new ReadError('ole2-binary', `${file} is a legacy binary Office file (.doc/.xls/.wps/.et), which cannot be read directly; ${convertHint(file)}`);
  }
  if (start.startsWith('{\\rtf')) throw new ReadError('rtf', `${file} is an RTF document; ${convertHint(file)}`);
  if (isImage(bytes)) {
    throw new ReadError('image', `${file} is a scan/image; OCR is not supported. Find a text version of the report (HTML, PDF with a text layer, DOCX)`);
  }

  if (TEXT_EXTS.has(ext)) return readText(bytes, file);
  if (HTML_EXTS.has(ext)) return readHtml(bytes, file);
  const looksHtml = HTML_TAG_RE.test(start);
  if (CONTAINER_EXTS.has(ext)) {
    if (looksHtml) {
      const doc = readHtml(bytes, file);
      doc.notes.push(`named ${ext} but contains HTML; read as HTML`);
      return doc;
    }
    if (SPREADSHEET_EXTS.has(ext)) {
      throw new ReadError('spreadsheet', `${file} is a spreadsheet (${ext}), not a report document; find the report itself or save the sheet as HTML and ingest that`);
    }
    throw new ReadError('unsupported-format', `${file} is named ${ext} but does not have the bytes of one (damaged or mis-named download); re-download the report`);
  }
  return looksHtml ? readHtml(bytes, file) : readText(bytes, file);
}
