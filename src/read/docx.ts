// DOCX reader: mammoth (docx → semantic HTML, keeping merged table cells as colspan/rowspan) → a private
// HTML → blocks converter. Images are not embedded (a table pasted as a picture is reported in the notes).

import mammoth from 'mammoth';
import { ReadError, type Document, type Reader } from '../model/document.ts';
import { htmlToBlocks } from './docx/blocks.ts';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Word's built-in styles that mammoth does not map by default, plus the names WPS writes for them. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='副标题'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: string, encoding: BufferEncoding): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(needle, 0, encoding);
}

export const readDocx: Reader = async (bytes, file) => {
  if (startsWith(bytes, OLE2_MAGIC)) {
    if (contains(bytes, 'EncryptedPackage', 'utf16le')) {
      throw new ReadError('encrypted', `${file} is a password-protected Word document; it cannot be read without the password — ask the publisher for an unprotected copy`);
    }
    throw new ReadError('ole2-binary', `${file} is a legacy binary Word file (.doc), not .docx; convert it with \`libreoffice --headless --convert-to docx ${file}\` and ingest the result`);
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    throw new ReadError('broken-docx', `${file} is not a DOCX (ZIP) file; re-download the report`);
  }
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: false,
        externalFileAccess: false,
        // Do not inline images as base64 (slow, useless here); count them instead.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
  } catch (e) {
    const msg = (e as Error)?.message ?? String(e);
    throw new ReadError('broken-docx', `${file} could not be read as a Word document (${msg}); the file is damaged or not really .docx — open and re-save it, or convert it with LibreOffice`);
  }
  const { blocks, stats } = htmlToBlocks(result.value);
  const doc: Document = { format: 'docx', encoding: 'utf-8', blocks, hints: { chrome: [] }, notes: [] };
  const tables = blocks.filter((b) => b.kind === 'table').length;
  doc.notes.push(`docx: ${blocks.length - tables} paragraph(s), ${tables} table(s)`);
  if (stats.images) doc.notes.push(`${stats.images} image(s) not read (tables or text inside pictures are missing)`);
  if (stats.nestedTables) doc.notes.push(`${stats.nestedTables} nested table(s) flattened into their cell text`);
  if (stats.lists) doc.notes.push('Word list numbering is not kept by mammoth: list items lose their printed numbers (1、 (一) …)');
  const seen = new Set<string>();
  for (const m of result.messages) {
    const text = m.message.replace(/\s+/g, ' ').trim();
    if (seen.has(text) || seen.size >= 10) continue;
    seen.add(text);
    doc.notes.push(`mammoth ${m.type}: ${text}`);
  }
  if (!blocks.some((b) => (b.kind === 'text' ? b.text.trim() : b.rows.some((r) => r.some((c) => c.text.trim()))))) {
    throw new ReadError('empty', `${file} contains no text${stats.images ? ` (only ${stats.images} image(s); OCR is not supported)` : ''}`);
  }
  return doc;
};
