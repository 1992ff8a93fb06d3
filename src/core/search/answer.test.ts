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
});
