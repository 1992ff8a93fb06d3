import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anyText, HOSTILE_FRAGMENTS, thrownBy } from '../../../test/arbitraries.js';
import { loadSynonyms } from '../../app/synonyms.js';
import { addRelatedTerms, analyzeQuery, MAX_QUERY_CONCEPTS, type SynonymTable } from './query.js';

const synonyms = loadSynonyms(fileURLToPath(new URL('../../../data/synonyms.json', import.meta.url)));
/** Each concept as [label, terms]: what a query asks about and every term that says it. */
const concepts = (text: string, table: SynonymTable = synonyms) => analyzeQuery(text, table).map((c) => [c.label, c.terms]);

describe('analyzeQuery', () => {
  it('keeps the content words of a question, stemmed, in query order', () => {
    expect(concepts('When did Russia lift its arms embargo on Pakistan?')).toEqual([
      ['Russia', ['russia']], ['lift', ['lift']], ['arms', ['arm']], ['embargo', ['embargo']], ['Pakistan', ['pakistan']],
    ]);
  });

  it('finds nothing in a question made only of stop words', () => {
    expect(analyzeQuery('What is it that they were doing?', synonyms)).toEqual([]);
  });

  it.each([
    ['SCO', ['sco', 'shanghai', 'cooper', 'organis', 'organ']],
    ['CPEC', ['cpec', 'china', 'pakistan', 'econom', 'corridor']],
    ['FATF', ['fatf', 'financi', 'action', 'task', 'forc']],
    ['ISI', ['isi', 'inter', 'servic', 'intellig']],
    ['IS', ['is', 'isis', 'isil', 'islam', 'state', 'daesh']],
    ['ISIS', ['isis', 'is', 'isil', 'islam', 'state', 'daesh']],
  ])('expands the acronym %s to its synonym group', (acronym, terms) => {
    expect(concepts(acronym)).toEqual([[acronym, terms]]);
  });

  it('expands a spelled-out name to its acronym, whatever its case', () => {
    expect(concepts('shanghai cooperation organization')).toEqual([['shanghai cooperation organization', ['shanghai', 'cooper', 'organ', 'sco', 'organis']]]);
    expect(concepts('Inter-Services Intelligence')).toEqual([['Inter Services Intelligence', ['inter', 'servic', 'intellig', 'isi']]]);
    expect(concepts('Daesh')).toEqual([['Daesh', ['daesh', 'is', 'isis', 'isil', 'islam', 'state']]]);
  });

  it('counts IS and US as acronyms only in capitals', () => {
    expect(concepts('Is Russia an ally?')).toEqual([['Russia', ['russia']], ['ally', ['alli']]]);
    expect(concepts('What did the US say to us?')).toEqual([['US', ['us', 'usa', 'u', 'unit', 'state', 'america']], ['say', ['sai']]]);
    expect(concepts('what is')).toEqual([]);
  });

  it('keeps ISI and ISIS apart', () => {
    const isi = analyzeQuery('ISI', synonyms)[0]!.terms;
    expect(isi).not.toContain('isis');
    expect(analyzeQuery('ISIS', synonyms)[0]!.terms).not.toContain('isi');
  });

  it('treats curly quotes, accents and case in a query the same as plain text', () => {
    const terms = (text: string) => analyzeQuery(text, synonyms).map((c) => c.terms);
    expect(terms('Pakistan’s Défense Relations')).toEqual(terms("pakistan's defense relations"));
    expect(concepts('Pakistan’s défense')).toEqual([['Pakistan’s', ['pakistan']], ['défense', ['defens', 'defenc']]]);
  });

  it('lists a repeated word once', () => {
    expect(concepts('Russia russia RUSSIA Russia’s')).toEqual([['Russia', ['russia']]]);
  });

  it(`searches for at most ${MAX_QUERY_CONCEPTS} concepts`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`);
    const found = analyzeQuery(words.join(' '), synonyms);
    expect(found).toHaveLength(MAX_QUERY_CONCEPTS);
    expect(found[0]!.label).toBe(words[0]);
  });

  it('for any text, returns at most 32 concepts, each with terms, and never throws or hangs (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let found: ReturnType<typeof analyzeQuery> = [];
        expect(thrownBy(() => (found = analyzeQuery(text, synonyms)))).toBeUndefined();
        expect(found.length).toBeLessThanOrEqual(MAX_QUERY_CONCEPTS);
        for (const concept of found) {
          expect(concept.terms.length).toBeGreaterThan(0);
          for (const term of concept.terms) expect(term).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws or hangs on a hostile synonyms table either (property)', () => {
    const group = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), anyText), { minLength: 2, maxLength: 4 });
    fc.assert(
      fc.property(anyText, fc.array(group, { maxLength: 5 }), (text, groups) => {
        expect(thrownBy(() => analyzeQuery(text, { groups }))).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('addRelatedTerms', () => {
  const thesaurus = { related: (word: string) => ({ talks: ['negotiation', 'dialogue'], bought: ['purchased', 'bought'] } as Record<string, string[]>)[word.toLowerCase()] ?? [], knows: () => true };

  it('adds the thesaurus words of a question word as weaker terms of its concept, stemmed', () => {
    expect(addRelatedTerms(analyzeQuery('Pakistan talks', synonyms), thesaurus)).toEqual([
      { label: 'Pakistan', terms: ['pakistan'], variants: [['pakistan']] },
      { label: 'talks', terms: ['talk', 'negoti', 'dialogu'], variants: [['talk'], ['negoti'], ['dialogu']], related: 2 },
    ]);
  });

  it('leaves acronyms, synonym groups and numbers alone, and drops a thesaurus word that is the word itself', () => {
    const concepts = analyzeQuery('SCO bought 2014', synonyms);
    const expanded = addRelatedTerms(concepts, thesaurus);
    expect(expanded[0]).toEqual(concepts[0]);
    expect(expanded[1]).toEqual({ label: 'bought', terms: ['bought', 'purchas'], variants: [['bought'], ['purchas']], related: 1 });
    expect(expanded[2]).toEqual(concepts[2]);
  });

  it('changes nothing without a thesaurus', () => {
    const concepts = analyzeQuery('Pakistan talks', synonyms);
    expect(addRelatedTerms(concepts, undefined)).toBe(concepts);
  });
});
