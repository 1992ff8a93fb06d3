import { sentenceSegments } from '../language/text.js';

/** Which side of the article's date a date without a year lies on, as the words around it say. */
export type Direction = 'past' | 'future';

/** A preposition right before the date: "since January" looks back, "until Thursday" and "by Friday" ahead. */
const PREPOSITION = /\b(since|until|till|by)\s+(?:(?:the|on)\s+)?$/i;
const MODALS = new Set(['will', 'would', 'shall', 'could', 'can', 'may', 'might', 'should', 'must', 'wo', 'ca']);
/** Words of intention and schedule: what they govern is still to come ("plans to return in November", "due in October"). */
const INTENT = /^(?:plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|due|expect(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|vow(?:s|ed|ing)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing))$/;
const RELATIVE = new Set(['which', 'who']);
const PRESENT = new Set(['is', 'are', 'am', "'re", 'does', 'do', 'has', 'have', "'ve"]);
const PAST = new Set(['was', 'were', 'had', 'did']);
/** Words a verb group can hold between its auxiliary and its participle: "will not be", "had already been". */
const IN_GROUP = /^(?:be|been|being|not|never|also|already|just|still|yet|since|then|now|first|only|ever|[a-z]+ly)$/;
/** Common irregular past forms that are not also present forms ("put", "cut", "set" and "read" tell nothing). */
const IRREGULAR_PAST = new Set(('arose awoke bore beat became began bent bet bid bit bled blew broke bred brought built burnt burst bought caught chose ' +
  'clung came crept dealt dug drew dreamt drank drove ate fell fed felt fought found fled flung flew forbade forgot forgave froze got gave went ground ' +
  'grew hung heard hid held kept knelt knew laid led leant leapt learnt left lent lay lit lost made meant met paid proved quit rode rang rose ran said ' +
  'saw sought sold sent shook shone shot showed shown shrank sang sank sat slept slid slung spoke sped spent spilt spun spat split spread sprang stood ' +
  'stole stuck stung struck strove swore swept swam swung took taught tore told thought threw thrust understood woke wore wove wept won wound wrote ' +
  'begun broken chosen done drawn driven eaten fallen flown forgotten given gone grown hidden known ridden risen seen shaken spoken stolen sworn taken ' +
  'thrown woken worn written withdrew withdrawn overtook undertook undertaken overcame').split(' '));

type Tense = Direction | 'present';

/**
 * Reads which side of the article's date a date written without a year (a weekday, "June 3", "in
 * March") lies on: a preposition before it ("since", "until", "by"), else the tense of the nearest verb
 * group before it in its sentence ("had threatened on Friday", "will meet on Monday", "plans to return
 * in November"), else of the first one after it ("On Monday, the minister will fly home"). A present
 * tense ("the draw is made on June 22", "prices are higher than in March") says nothing; neither does
 * a sentence without a verb it knows.
 * @param text the paragraph
 * @param start where the date starts in it
 * @param end where it ends
 * @returns `undefined` when the words do not say
 */
export function readDirection(text: string, start: number, end: number): Direction | undefined {
  const preposition = PREPOSITION.exec(text.slice(Math.max(0, start - 12), start));
  if (preposition) return preposition[1]!.toLowerCase() === 'since' ? 'past' : 'future';
  let sentenceStart = 0;
  let sentenceEnd = text.length;
  for (const segment of sentenceSegments(text)) {
    if (segment.index > start) {
      sentenceEnd = segment.index;
      break;
    }
    sentenceStart = segment.index;
  }
  const tense = tenseAround(text.slice(sentenceStart, start), text.slice(end, Math.max(end, sentenceEnd)));
  return tense === 'present' ? undefined : tense;
}

/** The tense of the nearest verb group before the date, else of the first after it. */
function tenseAround(before: string, after: string): Tense | undefined {
  const back = words(before);
  for (let i = back.length - 1; i >= 0; i--) {
    const tense = tenseAt(back, i);
    if (tense) return tense;
  }
  const ahead = words(after);
  for (let i = 0; i < ahead.length; i++) {
    const tense = tenseAt(ahead, i);
    if (tense) return tense;
  }
  return undefined;
}

/**
 * The words, contractions split as a tagger would ("won't" → wo n't, "it'll" → it 'll); a capitalised
 * word is a name ("Ahmed", "United"), not a verb, and is kept as a blank.
 */
function words(text: string): string[] {
  return [...text.matchAll(/[a-z]+(?=n['’]t\b)|n['’]t\b|[a-z]+(?:-[a-z]+)*|['’](?:ll|ve|re|d|s)\b/gi)]
    .map((m) => (/^[A-Z]/.test(m[0]) ? '' : m[0].toLowerCase().replace('’', "'")));
}

/** The tense the word at `i` gives its verb group, or `undefined` when it is not a verb this reader knows. */
function tenseAt(tokens: string[], i: number): Tense | undefined {
  const word = tokens[i]!;
  if (MODALS.has(word) || word === "'ll" || INTENT.test(word)) return 'future';
  if (PAST.has(word)) return 'past';
  if (PRESENT.has(word)) return 'present';
  // What follows "which" or "who" is its clause's verb: "which starts", "who plays".
  if (RELATIVE.has(tokens[i - 1] ?? '') && /[^s]s$/.test(word)) return 'present';
  if (!isPastForm(word)) return undefined;
  // A participle takes its group's auxiliary: "will be presented", "is made", "had begun", "has ordered".
  let at = i - 1;
  while (at >= 0 && IN_GROUP.test(tokens[at]!)) at--;
  const auxiliary = tokens[at];
  if (auxiliary && (MODALS.has(auxiliary) || auxiliary === "'ll")) return 'future';
  // A present perfect reports what is done ("has ordered a retrial, overturning their acquittal in March").
  if (auxiliary === 'has' || auxiliary === 'have' || auxiliary === "'ve") return 'past';
  if (auxiliary && PRESENT.has(auxiliary)) return 'present';
  return 'past';
}

/** A regular past form ("resigned", not "need" or "hundred"), or a common irregular one; hyphenated adjectives ("Osaka-based") are not verbs. */
function isPastForm(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  return word.length >= 4 && word.endsWith('ed') && !word.endsWith('eed') && !word.includes('-') && !NOT_VERBS.has(word);
}

const NOT_VERBS = new Set(['hundred', 'kindred', 'sacred', 'naked', 'wicked', 'rugged', 'ragged', 'beloved', 'sled']);
