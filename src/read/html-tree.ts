// The page tree the HTML reader walks: elements (tag, the few attributes the reader looks at, start line) and text
// (value, start line), taken straight from parse5's spec tree. Walking parse5's own tree, rather than converting
// it to hast first, took a quarter off reading a page.

import { parse, type DefaultTreeAdapterTypes as P5 } from 'parse5';

export interface HtmlText {
  type: 'text';
  value: string;
  line: number;
}

export interface HtmlElement {
  type: 'element';
  tag: string;
  /** Only the attributes in KEPT_ATTRIBUTES; the first of duplicates wins, as in the HTML spec. */
  attrs: Partial<Record<KeptAttribute, string>>;
  children: HtmlNode[];
  /** Line of the start tag; undefined for elements the parser implied (html, head, body, tbody …). */
  line: number | undefined;
}

export type HtmlNode = HtmlElement | HtmlText;

export interface HtmlRoot {
  children: HtmlNode[];
}

/** Attributes the reader uses: hiding, chrome class/id, cell spans, CMS <meta> tags (type: hidden inputs). */
export const KEPT_ATTRIBUTES = ['class', 'id', 'style', 'hidden', 'rowspan', 'colspan', 'name', 'property', 'content', 'type'] as const;
export type KeptAttribute = (typeof KEPT_ATTRIBUTES)[number];
const KEPT = new Set<string>(KEPT_ATTRIBUTES);

export function isKeptAttribute(name: string): name is KeptAttribute {
  return KEPT.has(name);
}

function fromParse5(node: P5.ParentNode, out: HtmlNode[]): HtmlNode[] {
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') {
      const text = child as P5.TextNode;
      out.push({ type: 'text', value: text.value, line: text.sourceCodeLocation?.startLine ?? 1 });
    } else if ('tagName' in child) {
      const attrs: HtmlElement['attrs'] = {};
      for (const a of child.attrs) if (isKeptAttribute(a.name) && a.namespace === undefined) attrs[a.name] = a.value;
      // A <template>'s content lives in its own fragment, outside the page's tree.
      out.push({ type: 'element', tag: child.tagName, attrs, children: fromParse5(child, []), line: child.sourceCodeLocation?.startLine });
    }
  }
  return out;
}

/** The spec tree of any markup (parse5; scripting off, as the page is read without running it). */
export function parseHtmlTree(html: string): HtmlRoot {
  return { children: fromParse5(parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }), []) };
}
