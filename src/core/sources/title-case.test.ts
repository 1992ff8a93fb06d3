import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnProperNouns, toSentenceCase, toTitleCase } from './title-case.js';

describe('toTitleCase', () => {
  it.each([
    ['Moscow and Islamabad unite against Indo-US nexus', 'Moscow and Islamabad Unite against Indo-US Nexus'],
    ['Growing Alliance Between Islamabad And Moscow', 'Growing Alliance between Islamabad and Moscow'],
    ['Russia-Pakistan Foreign Relations to a new height', 'Russia-Pakistan Foreign Relations to a New Height'],
    ['Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners', 'Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners'],
    ['the war we are in', 'The War We Are In'],
    ['a two-week-long exercise in the hills', 'A Two-Week-Long Exercise in the Hills'],
  ])('writes %j as %j', (title, expected) => {
    expect(toTitleCase(title)).toBe(expected);
  });

  it('never changes anything but the case of letters (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (title) => {
      expect(toTitleCase(title).toLowerCase()).toBe(title.trim().split(/\s+/).filter(Boolean).join(' ').toLowerCase());
    }));
  });
});

describe('toSentenceCase', () => {
  const names = learnProperNouns([
    'Pakistan and Russia met in Moscow. Talks in Islamabad went on. Their relations improved, and foreign policy followed.',
  ]);

  it.each([
    ['Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners', 'Pakistan-Russia relations: From bitter enemies to geopolitical partners'],
    ['Growing Alliance Between Islamabad And Moscow', 'Growing alliance between Islamabad and Moscow'],
    ['Moscow and Islamabad unite against Indo-US nexus', 'Moscow and Islamabad unite against Indo-US nexus'],
    ['Pak-Russia Relations On Strategic Path', 'Pak-Russia relations on strategic path'],
    ['Why The SCO Matters To Me And I', 'Why the SCO matters to me and I'],
  ])('writes %j as %j', (title, expected) => {
    expect(toSentenceCase(title, names)).toBe(expected);
  });
});

describe('learnProperNouns', () => {
  it('counts a word as a name when it is capitalised mid-sentence and never written in lower case', () => {
    const isName = learnProperNouns(['He went to Moscow. Moscow was cold. The Foreign Minister spoke of foreign affairs.', '“Talks” began.']);
    expect(isName('Moscow')).toBe(true);
    expect(isName('moscow')).toBe(true);
    expect(isName('Foreign')).toBe(false);
    expect(isName('He')).toBe(false);
    expect(isName('Talks')).toBe(false);
    expect(isName('Unknown')).toBe(false);
  });
});
