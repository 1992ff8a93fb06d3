import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../test/arbitraries.js';
import { answerFramingWords, answerPhrases, askedAnswerType, type AnswerType } from './answer-type.js';

/** The phrases found, as text. */
const phrases = (sentence: string, type: AnswerType, question = '') =>
  answerPhrases(sentence, type, new Set(question.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))).map((s) => sentence.slice(s.start, s.end));

describe('answerFramingWords', () => {
  it('finds the word after "how" that asks for a number, in lower case', () => {
    expect(answerFramingWords('How Big is trade between Russia and Pakistan?')).toEqual(new Set(['big']));
    expect(answerFramingWords('for how many years, and how much aid?')).toEqual(new Set(['many', 'much']));
  });

  it('leaves the same words alone elsewhere', () => {
    expect(answerFramingWords('Why is the big dam so high?')).toEqual(new Set());
  });
});

describe('askedAnswerType', () => {
  it.each<[string, AnswerType | undefined]>([
    ['When did Russia lift its arms embargo?', 'date'],
    ['In what year did the US start pulling soldiers out?', 'date'],
    ['which year was the group created', 'date'],
    ['How many wars have India and Pakistan fought?', 'number'],
    ['how much aid per year did the US stop giving', 'number'],
    ['Who welcomed Shoigu?', 'name'],
    ['Where did the exercises happen?', 'name'],
    ['Which firm built the dam?', 'name'],
    ['in which city did they sign the agreement', 'name'],
    ['What did Russia offer?', undefined],
    ['Why were they enemies?', undefined],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(askedAnswerType(question)).toBe(type);
  });

  it('lets the first question word decide', () => {
    expect(askedAnswerType('Who did Lavrov meet when he came to Islamabad?')).toBe('name');
    expect(askedAnswerType('When did the man who leads the army visit?')).toBe('date');
  });
});

describe('answerPhrases', () => {
  it('finds dates written as a year, a month and year, or a full date', () => {
    expect(phrases('Ties began on May 1st, 1948 and grew in the 1990s.', 'date')).toEqual(['May 1st, 1948', '1990s']);
    expect(phrases('The meeting was held on March 2, 2018 in Islamabad.', 'date')).toEqual(['March 2, 2018']);
  });

  it('finds numbers and amounts', () => {
    expect(phrases('Trade is barely $500 million, and 200 soldiers took part.', 'number')).toEqual(['$500 million', '200']);
    expect(phrases('The two countries have fought three wars.', 'number')).toEqual(['two', 'three']);
  });

  it('finds names, leaving out a sentence-opening word and names the question already gives', () => {
    expect(phrases('While Pakistan’s Ambassador Munir Akram spoke, Shoigu listened.', 'name', 'who met Shoigu')).toEqual(['Pakistan’s Ambassador Munir Akram']);
    expect(phrases('Rollo gave the settlers a common identity.', 'name')).toEqual([]);
    expect(phrases('He married Margaret, sister of King Malcolm III of Scotland.', 'name', 'who did he marry')).toEqual(['Margaret', 'King Malcolm III of Scotland']);
  });

  it('does not take the year a question gives for its answer', () => {
    expect(phrases('In 2015 the two sides signed two deals.', 'date', 'what did they sign in 2015')).toEqual([]);
  });

  it('returns phrases inside the sentence, never empty, for any text (property)', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom<AnswerType>('date', 'number', 'name'), anyText, (sentence, type, question) => {
        const words = new Set(question.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
        for (const span of answerPhrases(sentence, type, words)) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(sentence.length);
          expect(span.end).toBeGreaterThan(span.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
