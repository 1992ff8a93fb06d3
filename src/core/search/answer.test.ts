import { describe, expect, it } from 'vitest';
import { chooseSentence, shapeQuestion } from './answer.js';
import { analyzeQuery } from './query.js';
import type { Retrieval } from './rank.js';

/** A library in which every term is as rare as every other. */
const flat: Retrieval = { search: () => [], idf: () => 1, knows: () => true, correct: () => undefined, size: () => 100 };
const shape = (question: string) => shapeQuestion(flat, analyzeQuery(question, { groups: [] }), question);

describe('chooseSentence', () => {
  it('prefers the sentence saying more of the question, with a phrase of the asked kind', () => {
    const choice = chooseSentence(shape('When did the Normans conquer England?'), 'The Normans came from Normandy. They conquered England in 1066. Their language changed.');
    expect(choice.text).toBe('They conquered England in 1066.');
    expect(choice.text.slice(choice.phrase!.start, choice.phrase!.end)).toBe('1066');
  });

  it('counts the share of the question\'s neighbouring words that a sentence writes side by side', () => {
    // The question's pairs: "turing machine" and "machine tape", of the same weight here.
    const question = shape('Which Turing machine tape?');
    expect(chooseSentence(question, 'A Turing machine reads a tape.').pairs).toBe(0.5);
    expect(chooseSentence(question, 'The machine of Turing reads a tape.').pairs).toBe(0);
    expect(chooseSentence(question, 'A Turing machine. Machine tape is long.').pairs).toBe(1);
  });

  it('chooses the sentence with the rarest question word, and scores the passage by its best plain share', () => {
    // turing, machine and keep weigh 1 each, symbols 2.5: plainly the first sentence says 3 of 5.5 and
    // the second 2.5; squared, the first says 3 of 9.25 and the second 6.25.
    const rare: Retrieval = { ...flat, idf: (term) => (term === 'symbol' ? 2.5 : 1) };
    const question = shapeQuestion(rare, analyzeQuery('What does a Turing machine keep its symbols on?', { groups: [] }), 'What does a Turing machine keep its symbols on?');
    const choice = chooseSentence(question, 'A Turing machine keeps a state. It writes symbols on a tape.');
    expect(choice.text).toBe('It writes symbols on a tape.');
    expect(choice.score).toBeCloseTo(3 / 5.5, 5);
  });

  it('counts a word derived from the question\'s (conquering: conquest) like a thesaurus word when choosing the sentence', () => {
    const thesaurus = { related: () => [], knows: () => true, derived: (word: string) => (word === 'conquering' ? ['conquest'] : []) };
    const question = 'What did Richard gain from conquering Cyprus?';
    const choice = chooseSentence(shapeQuestion(flat, analyzeQuery(question, { groups: [] }), question, thesaurus), 'Richard sailed. He gained money from the conquest of the island.');
    expect(choice.text).toBe('He gained money from the conquest of the island.');
  });
});
