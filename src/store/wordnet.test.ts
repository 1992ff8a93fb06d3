import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DictFile, WordNet, wordnetFolder } from './wordnet.js';

const wordnet = new WordNet();
afterAll(() => wordnet.close());

describe('WordNet', () => {
  it.each([
    ['talks', ['negotiation', 'dialogue']],
    ['contests', ['competition']],
    ['chief', ['head', 'boss']],
    ['launched', ['establish', 'found']],
    ['Muhammad', ['mohammed', 'mohammad']],
  ])('gives the synonyms of the common senses of "%s", from its base form', (word, expected) => {
    expect(wordnet.related(word)).toEqual(expect.arrayContaining(expected));
  });

  it('never gives the word itself or a phrase of several words', () => {
    const related = wordnet.related('purchased');
    expect(related).toEqual(['buy']);
  });

  it('knows English words in any form, not names it lacks', () => {
    expect([wordnet.knows('cheese'), wordnet.knows('Contests'), wordnet.knows('launched')]).toEqual([true, true, true]);
    expect([wordnet.knows('shareef'), wordnet.knows('shoigu'), wordnet.knows('2014')]).toEqual([false, false, false]);
  });

  it('tells everyday words (verbs with a sense in its tagged corpus, nouns with two), in any form, from rare words and names', () => {
    for (const word of ['invented', 'abolished', 'troops', 'origin', 'dangerous', 'introduced']) expect([word, wordnet.everyday(word)]).toEqual([word, true]);
    for (const word of ['penicillin', 'Nile', 'chess', 'Jupiter', 'Shoigu', 'B-52']) expect([word, wordnet.everyday(word)]).toEqual([word, false]);
  });

  it('gives the words derived from a word\'s common senses, or it from them, in any part of speech', () => {
    expect(wordnet.derived('conquering')).toEqual(expect.arrayContaining(['conquest']));
    expect(wordnet.derived('invade')).toEqual(expect.arrayContaining(['invasion']));
    expect(wordnet.derived('shoigu')).toEqual([]);
  });

  it('gives nothing for a word WordNet does not have, or that is not a word', () => {
    expect(wordnet.related('shoigu')).toEqual([]);
    expect(wordnet.related('2014')).toEqual([]);
    expect(wordnet.related('')).toEqual([]);
  });

  it('finds every line of an index file by its word (one in five checked), and no word the file lacks', () => {
    const path = join(wordnetFolder(), 'index.verb');
    const lines = readFileSync(path, 'latin1').split('\n').filter((line) => /^[a-z]/.test(line));
    const file = new DictFile(path);
    const sample = lines.filter((_, i) => i % 5 === 0);
    expect(sample.filter((line) => file.find(line.slice(0, line.indexOf(' '))) !== line)).toEqual([]);
    expect([file.find('aaaa'), file.find('zzzz'), file.find('talkz')]).toEqual([undefined, undefined, undefined]);
    file.close();
  });

  it('answers any text with a list of lower-case single words (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (word) => {
        for (const related of wordnet.related(word)) expect(related).toMatch(/^[a-z0-9'.-]+$/);
      }),
      { numRuns: 200 },
    );
  });
});
