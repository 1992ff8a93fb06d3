import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, thrownBy } from '../../../test/arbitraries.js';
import { extractTerms, isAcronym, processTerm, STOP_WORDS, tokenize } from './terms.js';

const lowerWord = fc.stringMatching(/^[a-z]{2,12}$/);

describe('tokenize', () => {
  it('splits text into runs of letters (keeping inner apostrophes) and runs of digits', () => {
    expect(tokenize('Mi-35 Pakistan’s “quoted” don\'t 2018')).toEqual(['Mi', '35', 'Pakistan’s', 'quoted', "don't", '2018']);
  });

  it('gives no tokens for punctuation, markdown and emoji alone', () => {
    expect(tokenize('**`>` 😀 — ... @ #')).toEqual([]);
  });

  it('for any text, returns tokens that are non-empty runs of letters or digits and never hangs (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let tokens: string[] = [];
        expect(thrownBy(() => (tokens = tokenize(text)))).toBeUndefined();
        for (const token of tokens) expect(token).toMatch(/^(?:\p{L}+(?:['\u2019]\p{L}+)*|\p{N}+)$/u);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('processTerm', () => {
  it('stems words so that "relations", "relation" and "related" meet', () => {
    expect(processTerm('relations')).toBe('relat');
    expect(processTerm('relation')).toBe('relat');
    expect(processTerm('related')).toBe('relat');
  });

  it('drops stop words, in any case but all capitals', () => {
    expect(['the', 'The', 'what', 'is', 'Is', 'us', 'Us', 'between'].map(processTerm)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('keeps acronyms whole, so ISIS and ISI differ and "US" is kept while "us" is dropped', () => {
    expect(processTerm('ISIS')).toBe('isis');
    expect(processTerm('ISI')).toBe('isi');
    expect(processTerm('US')).toBe('us');
    expect(processTerm('IS')).toBe('is');
    expect(processTerm('us')).toBeNull();
  });

  it('folds curly quotes, accents and case, and drops a possessive', () => {
    expect(processTerm('Pakistan’s')).toBe('pakistan');
    expect(processTerm("Pakistan's")).toBe('pakistan');
    expect(processTerm('Défense')).toBe('defens');
    expect(processTerm('defense')).toBe('defens');
    expect(processTerm('CPEC’s')).toBe('cpec');
  });

  it('keeps numbers as they are', () => {
    expect(processTerm('1948')).toBe('1948');
    expect(processTerm('2018')).toBe('2018');
  });

  it('gives a capitalised word, a curly possessive and an accented letter the same term as the plain word (property)', () => {
    fc.assert(
      fc.property(lowerWord, (word) => {
        const plain = processTerm(word);
        expect(processTerm(word[0]!.toUpperCase() + word.slice(1))).toBe(plain);
        expect(processTerm(`${word}’s`)).toBe(processTerm(`${word}'s`));
        expect(processTerm(word.replace(/e/g, 'é'))).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a word in capitals the same term as in lower case when it is not an acronym', () => {
    expect(processTerm('RELATIONS')).toBe(processTerm('relations'));
  });

  it('for any token of any text, returns a non-empty term or null and never throws (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const token of tokenize(text)) {
          let term: string | null = null;
          expect(thrownBy(() => (term = processTerm(token)))).toBeUndefined();
          expect(term === null || (typeof term === 'string' && term !== '')).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('returns a string or null for any string, even one that is not a token (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const term = processTerm(text);
        expect(term === null || typeof term === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isAcronym', () => {
  it('is true for two or more capitals, with digits or a possessive', () => {
    expect(['SCO', 'IS', 'US', 'CPEC’s', 'FATF', 'G20'].map(isAcronym)).toEqual([true, true, true, true, true, true]);
  });

  it('is false for one capital, capitalised words and lower case', () => {
    expect(['A', 'Us', 'Is', 'us', 'Shoigu', '20'].map(isAcronym)).toEqual([false, false, false, false, false, false]);
  });
});

describe('extractTerms', () => {
  it('keeps the content words of a question, stemmed, in order', () => {
    expect(extractTerms('What is the relation between them?')).toEqual(['relat']);
    expect(extractTerms('When did Russia lift its arms embargo on Pakistan?')).toEqual(['russia', 'lift', 'arm', 'embargo', 'pakistan']);
  });

  it('gives the same terms for curly and straight quotes, accents and capitalised words', () => {
    expect(extractTerms('“Défense” Relations of Pakistan’s')).toEqual(extractTerms('"defense" relations of pakistan\'s'));
  });

  it('drops every stop word', () => {
    expect(extractTerms([...STOP_WORDS].join(' '))).toEqual([]);
  });
});
