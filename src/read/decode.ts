// Bytes → string. Chinese government pages come in UTF-8, GBK/GB2312 (decoded as its superset GB18030), and
// now and then Big5 or UTF-16. Order (STACK-NOTES §4): BOM (or UTF-16 zero-byte pattern) → HTML <meta> charset →
// strict UTF-8 → chardet.

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ReadError } from '../model/document.ts';

export interface Decoded {
  text: string;
  /** Canonical name of the encoding used: "utf-8", "gb18030", "big5", "utf-16le" … */
  encoding: string;
  notes: string[];
}

const META_SNIFF_BYTES = 4096;
const META_CHARSET_RE = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i;
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn', 'gb_2312-80', 'chinese']);
/** chardet encodings that can carry Chinese text; anything else on a non-UTF-8 file is probably a misdetection. */
const CJK_CAPABLE = new Set(['gb18030', 'big5', 'utf-16le', 'utf-16be', 'utf-32le', 'utf-32be', 'euc-jp', 'shift_jis', 'euc-kr', 'iso-2022-jp']);
const CJK_RE = /[\u3400-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF00-\uFFEF]/g;

/** Canonical lower-case label; every GB label becomes gb18030, the superset that decodes all of them. */
function canonicalLabel(label: string): string {
  const l = label.trim().toLowerCase();
  if (GB_LABELS.has(l)) return 'gb18030';
  if (l === 'utf8') return 'utf-8';
  return l;
}

/** Share of UTF-16 code units in `sample` that are plausible report text (ASCII, Latin-1, CJK, punctuation). */
function plausibleUtf16(sample: Uint8Array, littleEndian: boolean): number {
  let plausible = 0;
  const units = Math.floor(sample.length / 2);
  for (let i = 0; i < units * 2; i += 2) {
    const u = littleEndian ? (sample[i] ?? 0) | ((sample[i + 1] ?? 0) << 8) : ((sample[i] ?? 0) << 8) | (sample[i + 1] ?? 0);
    if (
      u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) ||
      (u >= 0x2000 && u <= 0x206f) || (u >= 0x3000 && u <= 0x303f) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xff00 && u <= 0xffef)
    ) {
      plausible++;
    }
  }
  return units === 0 ? 0 : plausible / units;
}

/** Byte-order mark, or BOM-less UTF-16: zero bytes (ASCII high bytes) and code units that all read as text. */
export function unicodeLayout(bytes: Uint8Array): { encoding: string; bomLength: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = bytes.subarray(0, META_SNIFF_BYTES);
  if (sample.length < 16 || !sample.includes(0)) return null;
  if (plausibleUtf16(sample, true) >= 0.95) return { encoding: 'utf-16le', bomLength: 0 };
  if (plausibleUtf16(sample, false) >= 0.95) return { encoding: 'utf-16be', bomLength: 0 };
  return null;
}

function isKnownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return iconv.encodingExists(label);
  }
}

/** The charset a page declares in its first bytes; template junk ("charset={$cs}") counts as no declaration. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_SNIFF_BYTES)).toString('latin1');
  const label = META_CHARSET_RE.exec(head)?.[1];
  return label && isKnownLabel(canonicalLabel(label)) ? canonicalLabel(label) : null;
}

/** Strict UTF-8; an incomplete sequence at the very end (a cut-off download) is tolerated and reported. */
function strictUtf8(bytes: Uint8Array): { text: string; truncated: boolean } | null {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    const text = decoder.decode(bytes, { stream: true });
    try {
      decoder.decode();
      return { text, truncated: false };
    } catch {
      return { text, truncated: true };
    }
  } catch {
    return null;
  }
}

/** Lenient decode with a given label; TextDecoder (full ICU) first, iconv-lite for labels it lacks (UTF-32). */
function decodeAs(bytes: Uint8Array, label: string): { text: string; truncated: boolean } {
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(label, { ignoreBOM: true });
  } catch {
    if (!iconv.encodingExists(label)) {
      throw new ReadError('bad-encoding', `Unsupported text encoding "${label}"; re-save the file as UTF-8 and ingest it again`);
    }
  }
  if (!decoder) return { text: iconv.decode(Buffer.from(bytes), label, { stripBOM: false }), truncated: false };
  const text = decoder.decode(bytes, { stream: true });
  return { text, truncated: decoder.decode() !== '' };
}

function countReplacement(text: string): number {
  let n = 0;
  // indexOf jumps between hits instead of visiting every character of the document.
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

function looksChinese(text: string): boolean {
  const nonAscii = text.replace(/[\x00-\x7F]/g, '').length;
  const cjk = text.match(CJK_RE)?.length ?? 0;
  return nonAscii > 0 && cjk / nonAscii >= 0.5 && countReplacement(text) <= nonAscii * 0.001;
}

/** Pick an encoding for bytes that are not UTF-8: chardet, but GB18030 wins over a Western guess that reads as garbage. */
function guessEncoding(bytes: Uint8Array, notes: string[]): string {
  const top = chardet.analyse(bytes)[0];
  const guess = top ? canonicalLabel(top.name) : 'gb18030';
  if (CJK_CAPABLE.has(guess)) return guess;
  if (looksChinese(decodeAs(bytes, 'gb18030').text)) {
    notes.push(`chardet guessed ${top?.name ?? 'nothing'}; the bytes read as Chinese in gb18030`);
    return 'gb18030';
  }
  return guess;
}

/**
 * Decode raw bytes. Throws ReadError('bad-encoding') when the result is mostly replacement characters (the wrong
 * encoding, or not text at all).
 */
export function decodeBytes(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  const notes: string[] = [];
  const layout = unicodeLayout(bytes);
  let body = bytes;
  let encoding: string;
  let result: { text: string; truncated: boolean } | null = null;
  if (layout) {
    encoding = layout.encoding;
    body = bytes.subarray(layout.bomLength);
    result = decodeAs(body, encoding);
  } else {
    const declared = options.html ? metaCharset(bytes) : null;
    const utf8 = strictUtf8(bytes);
    if (utf8 && (!declared || declared === 'utf-8' || !/[^\x00-\x7F]/.test(utf8.text))) {
      encoding = 'utf-8';
      result = utf8;
    } else if (declared && declared !== 'utf-8') {
      // A page saved by a crawler keeps its old <meta charset> even when re-encoded, so valid UTF-8 wins.
      if (utf8) {
        notes.push(`<meta> declares ${declared} but the bytes are valid UTF-8; decoded as utf-8`);
        encoding = 'utf-8';
        result = utf8;
      } else {
        encoding = declared;
      }
    } else {
      if (declared === 'utf-8') notes.push('<meta> declares utf-8 but the bytes are not valid UTF-8');
      encoding = guessEncoding(bytes, notes);
    }
  }
  result ??= decodeAs(body, encoding);
  if (result.truncated) notes.push(`file ends inside a multi-byte ${encoding} character (truncated download?); the partial character was dropped`);
  const { text } = result;
  const bad = countReplacement(text);
  if (bad > Math.max(4, text.length * 0.005)) {
    throw new ReadError(
      'bad-encoding',
      `Decoding as ${encoding} produced ${bad} unreadable characters (U+FFFD) in ${text.length}; the encoding is wrong or the file is not text. Check the file, re-save it as UTF-8 and ingest it again`,
    );
  }
  if (encoding !== 'utf-8') notes.push(`decoded as ${encoding}`);
  return { text, encoding, notes };
}
