import { describe, expect, it } from 'vitest';
import { MAX_SUMMARY, summarizeMention } from './event-summary.js';

/** Summarises the first occurrence of `mention` in `text`. */
const summarize = (text: string, mention: string) => summarizeMention(text, text.indexOf(mention), mention.length);

describe('summarizeMention', () => {
  it('gives the sentence holding the date, and the same as the quote', () => {
    const text = 'First sentence here. The agreement was signed in 2014. Last sentence.';
    expect(summarize(text, '2014')).toEqual({ quote: 'The agreement was signed in 2014.', quoteAt: 21, summary: 'The agreement was signed in 2014.' });
  });

  it('drops a leading "On 27 September 2018," and openers such as "It may be mentioned that"', () => {
    expect(summarize('On 27 September 2018, Islamabad and Moscow signed a pipeline agreement.', 'On 27 September 2018').summary)
      .toBe('Islamabad and Moscow signed a pipeline agreement.');
    expect(summarize('It may be mentioned that Shoigu and Asif signed a deal on Thursday in Islamabad.', 'on Thursday').summary)
      .toBe('Shoigu and Asif signed a deal on Thursday in Islamabad.');
    expect(summarize('Earlier, both countries had signed an accord in 2015.', '2015').summary).toBe('Both countries had signed an accord in 2015.');
  });

  it('keeps "Since 2016," which says the event goes on', () => {
    expect(summarize('Since 2016, Islamabad and Moscow have been conducting joint exercises.', '2016').summary)
      .toBe('Since 2016, Islamabad and Moscow have been conducting joint exercises.');
  });

  it('elides a long quotation that does not hold the date', () => {
    const text = 'The Office stated, “both sides agreed on the need to further capitalize on the positive trajectory of relations”, after the meeting on March 2, 2018.';
    expect(summarize(text, 'March 2, 2018').summary).toBe('The Office stated, “…”, after the meeting on March 2, 2018.');
  });

  it('cuts a sentence over MAX_SUMMARY to the clauses around the date, marking the cut', () => {
    const text = 'Since the envoy started his long efforts to convince the Taliban to have direct talks with the United States of America and its many allies in the region, ' +
      'he admitted that Pakistan has been playing a major role which also resulted into the agreement in Doha — the capital of Qatar on 29 February, this year.';
    const { summary } = summarize(text, 'on 29 February, this year');
    expect(summary).toBe('… he admitted that Pakistan has been playing a major role which also resulted into the agreement in Doha — the capital of Qatar on 29 February, this year.');
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY);
  });

  it('cuts on words when no clause fits, and takes the line of a bulleted list', () => {
    const long = `The minister ${'spoke at length about cooperation '.repeat(10)}on 2 March 2018 in Moscow.`;
    const { summary } = summarize(long, 'on 2 March 2018');
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(summary).toContain('on 2 March 2018 in Moscow.');
    expect(summary.startsWith('… ')).toBe(true);
    expect(summarize('Points:\n• Talks in 2015,\n• Trade in 2016', '2016')).toEqual({ quote: '• Trade in 2016', quoteAt: 25, summary: '• Trade in 2016' });
  });
});
