import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../test/arbitraries.js';
import { readDirection } from './direction.js';

/** The direction of the first occurrence of `date` in `text`. */
const direction = (text: string, date: string) => {
  const at = text.indexOf(date);
  return readDirection(text, at, at + date.length);
};

describe('readDirection', () => {
  it('reads the past from a past verb before the date, regular, irregular or an auxiliary\'s', () => {
    expect(direction('He resigned in February, shortly after the indictment.', 'February')).toBe('past');
    expect(direction('Dufresne met the outgoing premier on Wednesday.', 'Wednesday')).toBe('past');
    expect(direction('The Council of Governors had threatened on Friday to shut down services.', 'Friday')).toBe('past');
    expect(direction('The deal was signed in Athens on Friday.', 'Friday')).toBe('past');
  });

  it('reads the future from a modal, however far its participle, and from words of intention or schedule', () => {
    expect(direction('The findings will be presented on Monday to officials.', 'Monday')).toBe('future');
    expect(direction('Mkhize\'s lawyers said they would lodge an appeal on Monday.', 'Monday')).toBe('future');
    expect(direction('The researchers plan to return to the reefs in November.', 'November')).toBe('future');
    expect(direction('The board is due to publish its report on Monday.', 'Monday')).toBe('future');
    expect(direction('Schools won\'t reopen before Thursday.', 'Thursday')).toBe('future');
  });

  it('takes the verb nearest before the date, not the first of the sentence', () => {
    expect(direction('The company said on Friday that it would close two boilers.', 'Friday')).toBe('past');
    expect(direction('The CPS said it would decide by Friday whether to charge him.', 'Friday')).toBe('future');
  });

  it('reads a preposition first: "since" looks back, "until" and "by" ahead', () => {
    expect(direction('Leaders, who will complain of irregularities since January, met.', 'January')).toBe('past');
    expect(direction('Schools in 14 towns stayed closed until Thursday.', 'Thursday')).toBe('future');
  });

  it('reads the first verb after the date when none comes before it', () => {
    expect(direction('On Monday, the minister will fly home.', 'Monday')).toBe('future');
    expect(direction('A storm in September had already damaged orange groves.', 'September')).toBe('past');
  });

  it('reads a present perfect as the past, the participle of a present passive as nothing', () => {
    expect(direction('The court has ordered a retrial, overturning their acquittal in March.', 'March')).toBe('past');
    expect(direction('The Wimbledon draw is made on June 22.', 'June 22')).toBeUndefined();
    expect(direction('The second Test, which starts in Christchurch on Dec. 26, is sold out.', 'Dec. 26')).toBeUndefined();
  });

  it('says nothing without a verb it knows, and takes no name for a verb ("United", "Ahmed")', () => {
    expect(direction('The winner plays in the semi-finals on Saturday.', 'Saturday')).toBeUndefined();
    expect(direction('United Ahmed Osaka-based news on Monday.', 'Monday')).toBeUndefined();
  });

  it('for any text and any span of it, never throws and answers past, future or nothing (property)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
        expect([undefined, 'past', 'future']).toContain(readDirection(text, start, end));
      }),
      { numRuns: 500 },
    );
  });
});
