// Guards shared by the text and HTML readers: refuse oversized, binary and empty inputs with a message that says
// what to do, then decode.

import { ReadError } from '../model/document.ts';
import { normaliseText } from '../text/normalise.ts';
import { decodeBytes, unicodeLayout, type Decoded } from './decode.ts';

/** Text and HTML reports are tens of kilobytes; anything this large is not a single report and is not decoded. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

const CONTROL_RE = /[\x00-\x08\x0E-\x1F\x7F]/g;
/** Printable ASCII and CJK ideographs survive normalisation: with one present, the text is not empty. */
const VISIBLE_RE = /[!-~\u4E00-\u9FFF]/;

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Decode a text or HTML input after checking that it is one. */
export function decodeInput(bytes: Uint8Array, file: string, options: { html?: boolean } = {}): Decoded {
  const kind = options.html ? 'HTML' : 'text';
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ReadError(
      'too-large',
      `${file} is ${megabytes(bytes.length)}, over the ${megabytes(MAX_TEXT_BYTES)} cap for ${kind} inputs; check that it is a single report (not a site dump or a mis-named binary) and ingest the report alone`,
    );
  }
  if (bytes.includes(0) && !unicodeLayout(bytes)) {
    throw new ReadError('binary', `${file} contains NUL bytes, so it is binary data, not ${kind}; find the original document (PDF, DOCX, HTML or text) and ingest that`);
  }
  const decoded = decodeBytes(bytes, options);
  const controls = decoded.text.match(CONTROL_RE)?.length ?? 0;
  if (controls > Math.max(8, decoded.text.length * 0.01)) {
    throw new ReadError('binary', `${file} has ${controls} control characters after decoding as ${decoded.encoding}, so it is binary data, not ${kind}; find the original document and ingest that`);
  }
  if (!VISIBLE_RE.test(decoded.text) && normaliseText(decoded.text).trim() === '') {
    throw new ReadError('empty', `${file} contains only whitespace; re-download the report`);
  }
  return decoded;
}
