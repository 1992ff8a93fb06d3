/**
 * A deterministic article-like library for the speed benchmark: names, places, organisations,
 * dates and numbers in sentences of ordinary English, from a seeded generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mulberry32: a small seeded PRNG, so every run builds the same library. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PEOPLE = ['Sergey Shoigu', 'Sergey Lavrov', 'Vladimir Putin', 'Imran Khan', 'Nawaz Sharif', 'Qamar Bajwa', 'Khawaja Asif', 'Mike Pompeo', 'Zalmay Khalilzad', 'Shah Qureshi', 'Munir Akram', 'Tasnim Aslam', 'Sergey Ryabkov', 'Oleg Salyukov', 'Andrey Grechko', 'Mark Esper'];
export const PLACES = ['Islamabad', 'Moscow', 'Rawalpindi', 'Karachi', 'Lahore', 'Gwadar', 'Kabul', 'Astana', 'Tashkent', 'Beijing', 'New Delhi', 'Washington', 'Doha', 'Ufa', 'Cherat', 'Peshawar', 'Quetta', 'Kandahar'];
export const ACRONYMS = ['SCO', 'CPEC', 'FATF', 'ISI', 'NATO', 'USSR', 'UN', 'IS'];
const TOPICS = ['defence cooperation', 'arms trade', 'energy pipeline', 'gas supply', 'military exercise', 'counter-terrorism', 'trade agreement', 'steel production', 'naval visit', 'regional security', 'economic corridor', 'diplomatic talks', 'nuclear energy', 'space research', 'student exchange', 'money laundering', 'drug trafficking', 'helicopter sales', 'training programme', 'border management'];
const VERBS = ['signed', 'discussed', 'announced', 'reviewed', 'welcomed', 'criticised', 'proposed', 'agreed on', 'postponed', 'celebrated', 'negotiated', 'examined'];
const FILLER = ('the officials said that both sides would continue to work on the details in the coming months while analysts ' +
  'noted that the relationship had changed considerably over the past decade and that regional partners were watching closely ' +
  'because the balance of power in the region depends on such arrangements and on the support of their neighbours').split(' ');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One paragraph of about 80 words: three sentences with a name, a place, a topic, a date and a number. */
export function generateParagraph(random: () => number): string {
  const sentences: string[] = [];
  for (let i = 0; i < 3; i++) {
    const year = 1990 + Math.floor(random() * 35);
    const date = random() < 0.5 ? `on ${1 + Math.floor(random() * 28)} ${pick(random, MONTHS)} ${year}` : `in ${year}`;
    const number = random() < 0.5 ? `$${1 + Math.floor(random() * 900)} million` : `${2 + Math.floor(random() * 400)} officers`;
    const start = Math.floor(random() * (FILLER.length - 12));
    const filler = FILLER.slice(start, start + 8 + Math.floor(random() * 4)).join(' ');
    sentences.push(`${pick(random, PEOPLE)} ${pick(random, VERBS)} the ${pick(random, TOPICS)} with the ${pick(random, ACRONYMS)} in ${pick(random, PLACES)} ${date}, involving ${number}, and ${filler}.`);
  }
  return sentences.join(' ');
}

/** Writes `paragraphs` paragraphs as articles of 20 paragraphs each into `dir`; returns the number of files. */
export function generateLibrary(dir: string, paragraphs: number, seed = 42): number {
  const random = createRandom(seed);
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let done = 0; done < paragraphs; files++) {
    const count = Math.min(20, paragraphs - done);
    const body = Array.from({ length: count }, () => generateParagraph(random)).join('\n\n');
    const year = 2000 + (files % 25);
    writeFileSync(join(dir, `a${String(files).padStart(6, '0')}.txt`),
      `---\nid: gen-${seed}-${files}\ntitle: "${pick(random, TOPICS)} between ${pick(random, PLACES)} and ${pick(random, PLACES)}"\nauthor: ${pick(random, PEOPLE)}\npublisher: Bench Daily\ndate: ${year}\n---\n${body}\n`);
    done += count;
  }
  return files;
}

/** A typo of a word: one letter changed, dropped or doubled. */
function misspell(random: () => number, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + (word[at] === 'a' ? 'e' : 'a') + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

/** A mixed workload: names, typos, acronyms, questions, filtered questions. */
export function generateQueries(count: number, seed = 7): { question: string; filter: { sourceId?: string; from?: number; to?: number } }[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const person = pick(random, PEOPLE);
    const surname = person.split(' ').pop()!;
    switch (i % 5) {
      case 0: return { question: person, filter: {} };
      case 1: return { question: `${misspell(random, surname)} ${pick(random, PLACES)}`, filter: {} };
      case 2: return { question: `${pick(random, ACRONYMS)} ${pick(random, TOPICS)}`, filter: {} };
      case 3: return { question: `When did ${person} discuss the ${pick(random, TOPICS)} in ${pick(random, PLACES)}?`, filter: {} };
      default: {
        const from = 2000 + Math.floor(random() * 20);
        return { question: `What did ${surname} say about ${pick(random, TOPICS)}?`, filter: { from, to: from + 4 } };
      }
    }
  });
}
