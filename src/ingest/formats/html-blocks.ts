import type { TextBlock } from '../../core/types.js';

/** What the walk reads of a DOM node (linkedom's, jsdom's or a browser's). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIV', 'DL', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'CAPTION',
]);
/** Elements that start a line within their paragraph: list items, table rows, definitions. */
const LINES = new Set(['LI', 'TR', 'DT', 'DD', 'BR']);
/** Elements whose text a reader never sees as article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'CANVAS', 'HEAD']);

/**
 * The paragraphs of an HTML element as a reader sees them: one per block element (`p`, headings,
 * `blockquote`, a list, a table...), a line per list item, table row or `<br>`, cells joined by
 * " | ", whitespace collapsed as a browser does (kept inside `pre`); scripts, styles, forms and
 * comments left out.
 */
export function htmlBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const endBlock = () => {
    endLine();
    if (lines.length > 0) blocks.push({ text: lines.join('\n') });
    lines = [];
  };
  // Inside a table cell, paragraphs and lists are runs of the cell's text: a row stays one line.
  const visit = (node: DomNode, pre: boolean, cell: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      if (!pre) line += text;
      else {
        const [first, ...rest] = text.split('\n');
        line += first;
        for (const next of rest) {
          endLine();
          line = next;
        }
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    const isCell = name === 'TD' || name === 'TH';
    if (cell && !isCell && (BLOCKS.has(name) || LINES.has(name))) {
      line += ' ';
      for (const child of Array.from(node.childNodes)) visit(child, pre || name === 'PRE', true);
      line += ' ';
      return;
    }
    if (name === 'BR') return endLine();
    const block = BLOCKS.has(name);
    if (block) endBlock();
    else if (LINES.has(name)) endLine();
    // A cell after the first in its row is set apart from the one before.
    if (isCell && line.trim()) line += ' | ';
    for (const child of Array.from(node.childNodes)) visit(child, pre || name === 'PRE', cell || isCell);
    if (block) endBlock();
    else if (LINES.has(name)) endLine();
    else if (isCell) line += ' ';
  };
  visit(root, false, false);
  endBlock();
  return blocks;
}
