import { describe, expect, it } from 'vitest';
import { layoutPdfText, type PdfTextItem } from './pdf-layout.js';

/** One run per line, 11-point text 14 points apart from y = 700, at x = 72 unless the line says otherwise. */
function page(lines: (string | { text: string; x?: number; y?: number; fontSize?: number })[]): PdfTextItem[] {
  let y = 714;
  return lines.map((line) => {
    const { text, x = 72, fontSize = 11, ...rest } = typeof line === 'string' ? { text: line } : line;
    y = rest.y ?? y - 14;
    return { str: text, x, y, width: text.length * fontSize * 0.5, fontSize };
  });
}

describe('layoutPdfText', () => {
  it('joins the runs of one baseline into a line, adding the space a gap between them stands for', () => {
    const items: PdfTextItem[] = [
      { str: 'The airship', x: 72, y: 700, width: 55, fontSize: 11 },
      { str: 'landed', x: 130, y: 700, width: 30, fontSize: 11 },
      { str: ' at noon.', x: 160, y: 700.4, width: 40, fontSize: 11 },
    ];
    expect(layoutPdfText([items]).blocks).toEqual([{ text: 'The airship landed at noon.', page: 1 }]);
  });

  it('joins a word hyphenated across lines, keeps the hyphen of a compound broken before a capital, and drops soft hyphens', () => {
    const { blocks } = layoutPdfText([page(['The delegation discussed inter-', 'national trade and Indo-', 'Pakistani relations in a com\u00AD', 'mittee.'])]);
    expect(blocks).toEqual([{ text: 'The delegation discussed international trade and Indo-Pakistani relations in a committee.', page: 1 }]);
  });

  it('ends a paragraph at a line under half the width before a capital though it ends no sentence: a byline, a date line', () => {
    const { blocks } = layoutPdfText([page(['by Samuel Ortiz', 'Published: 3 March 2017', 'Philip Drinker and Louis Shaw demonstrated the first iron lung at',
      'Harvard in 1928, to the great surprise of the', 'Boston physicians and engineers who came to watch it work that day. The',
      'machine pushed and pulled air by changing the pressure around the body of', 'the patient, who lay inside it with only the head left outside the tank.',
      'The machines filled entire wards during the epidemics of the fifties, and nurses', 'worked through portholes in their sides.'])]);
    expect(blocks.map((b) => b.text)).toEqual(['by Samuel Ortiz', 'Published: 3 March 2017',
      'Philip Drinker and Louis Shaw demonstrated the first iron lung at Harvard in 1928, to the great surprise of the Boston physicians and engineers who came to watch it work that day. The machine pushed and pulled air by changing the pressure around the body of the patient, who lay inside it with only the head left outside the tank. The machines filled entire wards during the epidemics of the fifties, and nurses worked through portholes in their sides.']);
  });

  it('starts a paragraph at an indented line even without a wider gap', () => {
    const { blocks } = layoutPdfText([page(['The first paragraph runs over two lines of', 'text and ends here.', { text: 'The second starts indented and runs on to', x: 90 }, 'a second line.'])]);
    expect(blocks.map((b) => b.text)).toEqual(['The first paragraph runs over two lines of text and ends here.', 'The second starts indented and runs on to a second line.']);
  });

  it('removes page numbers in any usual form and a footer repeated with its number on most pages', () => {
    const body = (n: number) => [
      ['The airship flew over the harbour and', 'turned north towards the hills.'],
      ['Crowds waited at the airfield all', 'afternoon for its return.'],
      ['It came back at dusk and was moored', 'for the night near the hangar.'],
    ][n - 1]!;
    const pages = [1, 2, 3].map((n) => page([...body(n), { text: `Airship Review 2020, issue ${n + 4}`, y: 60 }, { text: ['Page 1 of 3', '- 2 -', 'iii'][n - 1]!, y: 40 }]));
    const layout = layoutPdfText(pages);
    expect(layout.blocks.map((b) => b.text)).toEqual([1, 2, 3].map((n) => body(n).join(' ')));
    expect(layout.dropped).toEqual([{ kind: 'running header', text: 'Airship Review 2020, issue 5' }, { kind: 'page number', text: '3 page numbers' }]);
  });

  it('keeps a line found on only half the pages, and only drops the page number of a one-page document', () => {
    const pages = [page([{ text: 'Confidential draft', y: 740, fontSize: 9 }, 'The text of page one runs over', 'two lines.']), page(['The text of page two runs over', 'two lines too.'])];
    expect(layoutPdfText(pages).blocks.map((b) => b.text)).toEqual(['Confidential draft', 'The text of page one runs over two lines.', 'The text of page two runs over two lines too.']);
    expect(layoutPdfText([page(['7', 'A one-page note.'])]).blocks.map((b) => b.text)).toEqual(['A one-page note.']);
  });
});
