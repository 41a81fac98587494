import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Report text is untrusted: raw HTML in it is dropped (remark-rehype without allowDangerousHtml) and the
// result is sanitised (GitHub's schema: no scripts, no event handlers, safe URL protocols only).
const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/**
 * Extracted section text → safe HTML. Each printed line is its own paragraph (extraction keeps one line per
 * paragraph), and Markdown-looking characters in the report are escaped so they print as written.
 */
export function proseHtml(text: string): string {
  const md = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.replace(/([\\`*_{}[\]()<>#+\-.!|~])/g, '\\$1'))
    .join('\n\n');
  return String(processor.processSync(md));
}
