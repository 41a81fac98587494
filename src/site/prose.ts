import type { ElementContent, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

// Report text is untrusted: it only ever becomes text nodes, and the tree is sanitised anyway (GitHub's schema:
// no scripts, no event handlers, safe URL protocols only). Built as a tree rather than parsed as Markdown: the
// text is to print as written, and Markdown parsing was a tenth of every report page's render time.
const processor = unified().use(rehypeSanitize).use(rehypeStringify).freeze();

/** Extracted section text → safe HTML, one paragraph per printed line (extraction keeps one line per paragraph). */
export function proseHtml(text: string): string {
  const children: ElementContent[] = [];
  for (const line of text.split(/\n+/)) {
    const value = line.trim();
    if (!value) continue;
    if (children.length) children.push({ type: 'text', value: '\n' });
    children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value }] });
  }
  const tree: Root = { type: 'root', children };
  return processor.stringify(processor.runSync(tree));
}
