/**
 * Edit distance with adjacent transpositions (optimal string alignment), stopping early once it
 * exceeds `max`.
 * @returns the distance, or `max + 1` when it is larger than `max`
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edits allowed when correcting a word of this length: none below 4 letters, 2 from 8. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Edits allowed between two spellings of one name (transliterations): two from 5 letters. */
export const NAME_EDITS = 2;

/**
 * A word's consonant skeleton: vowels (and y) as one mark, doubled letters once. Spellings of one
 * name in another alphabet differ in their vowels and doubled letters: Shareef and Sharif,
 * Sergei and Sergey, Mohammad and Muhammad all share theirs.
 */
export function skeleton(word: string): string {
  return word.replace(/[aeiouy]+/g, '*').replace(/(.)\1+/g, '$1');
}

/**
 * Picks the correction for a misspelt term among known terms: the fewest edits, then a candidate at
 * least as long as the word (people drop letters more often than they add them: "Putn" is Putin,
 * not "put"), then the most frequent. For a `name`, a known term with the same consonant skeleton
 * may be up to two edits away even in a shorter word: another spelling of the same name.
 */
export function pickCorrection(term: string, known: { term: string; doc: number }[], name = false): string | undefined {
  const typo = allowedEdits(term.length);
  const max = Math.max(typo, name && term.length >= 5 ? NAME_EDITS : 0);
  if (max === 0) return undefined;
  let best: { term: string; distance: number; shorter: boolean; doc: number } | undefined;
  for (const candidate of known) {
    if (candidate.term === term) continue;
    const distance = editDistance(term, candidate.term, max);
    if (distance > max || (distance > typo && skeleton(candidate.term) !== skeleton(term))) continue;
    const entry = { term: candidate.term, distance, shorter: candidate.term.length < term.length, doc: candidate.doc };
    if (!best || entry.distance < best.distance || (entry.distance === best.distance && (Number(entry.shorter) - Number(best.shorter) || best.doc - entry.doc) < 0)) best = entry;
  }
  return best?.term;
}
