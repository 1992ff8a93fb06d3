/**
 * SQuAD 2.0 articles (../shared/eval/squad, see its README) through the bot's own pipeline: each
 * article written as one article file, ingested by the real ingester into a fresh temporary
 * library, every question put to /ask; and, in the same run, to the FTS5 baseline over the same
 * paragraphs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { collapseWhitespace, foldText } from '../src/core/language/text.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { createLogger } from '../src/app/log.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { askBot, askFts5, countFailures, countLevels, libraryParagraphs, runAbsentTopics, score, summarise, type Outcome, type Reply } from './ask-scores.js';
import { FTS5_SYSTEM, Fts5ParagraphBaseline } from './fts5-baseline.js';
import { runSquadStudentSet, type SquadStudentSet } from './squad-student.js';

interface SquadQuestion { id: string; question: string; is_impossible?: boolean; answers: { text: string }[] }
interface SquadArticle { title: string; paragraphs: { context: string; qas: SquadQuestion[] }[] }

export const SQUAD_FILE = 'squad2-dev-3-articles.json';

/** The source id of a SQuAD article: its title as a slug ("Computational_complexity_theory" → computational-complexity-theory). */
export const squadId = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');

/** One article file: the title in front matter only, then the paragraphs in order, separated by blank lines. */
function articleFile(article: SquadArticle): string {
  const title = article.title.replace(/_/g, ' ').replace(/"/g, "'");
  return `---\nid: ${squadId(article.title)}\ntitle: "${title}"\n---\n${article.paragraphs.map((p) => collapseWhitespace(p.context)).join('\n\n')}\n`;
}

/**
 * For each SQuAD paragraph ("article paragraph", 0-based), the library paragraphs that hold it
 * ("src n"): the one stored in its place, found by position when the texts match, else by text;
 * plus the earlier paragraph it repeats, when ingestion marked it a repeat. Every difference is
 * named in `issues`.
 */
function mapParagraphs(ctx: AppContext, articles: SquadArticle[], issues: string[]): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  articles.forEach((article, a) => {
    const id = squadId(article.title);
    const stored = ctx.sources.getParagraphsOf(id);
    if (stored.length !== article.paragraphs.length) issues.push(`${id}: ${stored.length} paragraphs stored, SQuAD has ${article.paragraphs.length}`);
    article.paragraphs.forEach(({ context }, i) => {
      const expected = collapseWhitespace(context);
      const folded = foldText(expected);
      let p = stored[i]?.text === expected ? stored[i] : stored.find((s) => s.text === expected);
      if (p && p.n !== i + 1) issues.push(`${id}: SQuAD ¶${i + 1} is stored as ¶${p.n} (mapped by text)`);
      if (!p) {
        p = stored.find((s) => folded.includes(foldText(s.text)) || foldText(s.text).includes(folded));
        issues.push(`${id}: SQuAD ¶${i + 1} ${p ? `is stored altered as ¶${p.n}` : 'is in no stored paragraph; its questions count as misses'}`);
      }
      const set = new Set<string>();
      if (p) {
        set.add(`${id} ${p.n}`);
        if (p.repeatOf !== undefined) set.add(`${id} ${p.repeatOf}`);
        if (p.body !== p.text) issues.push(`${id}: ¶${p.n} ${p.body ? 'lost sentences repeated from earlier paragraphs' : `repeats ¶${p.repeatOf} entirely`}`);
      }
      keys.set(`${a} ${i}`, set);
    });
  });
  return keys;
}

/** Answers given with a phrase, and those whose phrase is part of a gold answer or holds one. */
function phraseFigures(answers: { gold: string[]; reply: Reply }[]): { withPhrase: number; right: number } {
  const shown = answers.filter((a) => !a.reply.refused && a.reply.answer?.phrase);
  const right = shown.filter(({ gold, reply }) => {
    const phrase = foldText(reply.answer!.phrase!.text);
    return gold.some((g) => g.includes(phrase) || phrase.includes(g));
  });
  return { withPhrase: shown.length, right: right.length };
}

/**
 * Scores research-bot and the FTS5 baseline on the SQuAD articles in `folder`, asks both the
 * `absent` questions (topics those articles lack), and, when given, the student-worded questions
 * about the same articles (bench/squad-student.ts).
 */
export async function runSquad(folder: string, absent: string[] = [], studentSet?: SquadStudentSet) {
  const articles = (JSON.parse(readFileSync(join(folder, SQUAD_FILE), 'utf8')) as { data: SquadArticle[] }).data;
  const temp = mkdtempSync(join(tmpdir(), 'research-bot-squad-'));
  try {
    const articlesDir = join(temp, 'articles');
    const files = join(temp, 'squad');
    mkdirSync(articlesDir);
    mkdirSync(files);
    for (const article of articles) writeFileSync(join(files, `${squadId(article.title)}.txt`), articleFile(article));
    const ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:', ARTICLES_DIR: articlesDir }), { log: createLogger({ debug: false, quiet: true }) });
    try {
      const ingest = await ingestPaths(ctx, [files]);
      const issues = [
        ...ingest.refused.map((r) => `refused: ${r.reason}`),
        ...ingest.warnings.flatMap((w) => w.warnings.map((text) => `${w.file}: ${text}`)),
      ];
      const keysOf = mapParagraphs(ctx, articles, issues);
      const baseline = new Fts5ParagraphBaseline(libraryParagraphs(ctx));
      const questions = articles.flatMap((article, a) => article.paragraphs.flatMap((p, i) => p.qas.map((q) => ({ q, keys: keysOf.get(`${a} ${i}`)! }))));
      const answerable = questions.filter(({ q }) => !q.is_impossible).map(({ q, keys }) => {
        const gold = q.answers.map((answer) => foldText(answer.text));
        const sentenceOk = (text: string) => gold.some((g) => foldText(text).includes(g));
        return { q, bot: score(q.id, askBot(ctx.askDeps, q.question), keys, sentenceOk), fts5: score(q.id, askFts5(baseline, q.question), keys, sentenceOk) };
      });
      const unanswerable = questions.filter(({ q }) => q.is_impossible).map(({ q }) => ({ q, bot: askBot(ctx.askDeps, q.question), fts5: askFts5(baseline, q.question) }));
      const absentTopics = runAbsentTopics(ctx.askDeps, baseline, absent);
      const student = studentSet ? runSquadStudentSet(ctx.askDeps, baseline, keysOf, studentSet) : undefined;
      baseline.close();
      const figures = (system: 'bot' | 'fts5') => ({
        ...summarise(answerable.map((x) => x[system]), unanswerable.map((x) => x[system].refused)),
        failures: { ...countFailures(answerable.map((x): Outcome => x[system])), 'unanswerable not refused': unanswerable.filter((x) => !x[system].refused).length },
      });
      const research = figures('bot');
      const fts5 = figures('fts5');
      const { failures: ourFailures, ...ours } = research;
      const { failures: theirFailures, ...theirs } = fts5;
      return {
        articles: articles.length,
        paragraphs: articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
        answerable: answerable.length,
        unanswerable: unanswerable.length,
        /** Questions /ask rejected outright (no words to search for); counted as refusals. */
        rejected: [...answerable.map((x) => x.bot.reply), ...unanswerable.map((x) => x.bot)].filter((r) => r.rejected !== undefined).length,
        issues,
        rows: [
          { system: 'research-bot', ...ours },
          { system: FTS5_SYSTEM, ...theirs },
          { system: 'ratio (recall@1)', recallAt1: Math.round((ours.recallAt1 / theirs.recallAt1) * 1000) / 1000 },
        ],
        failures: [{ system: 'research-bot', ...ourFailures }, { system: FTS5_SYSTEM, ...theirFailures }],
        /** research-bot's answers by level (answer / closest / nothing), answerable and unanswerable. */
        levels: { answerable: countLevels(answerable.map((x) => x.bot.reply)), unanswerable: countLevels(unanswerable.map((x) => x.bot)) },
        /** research-bot's answers to answerable questions with a bold phrase, and how many of those phrases overlap a gold answer. */
        phrases: phraseFigures(answerable.map(({ q, bot }) => ({ gold: q.answers.map((a) => foldText(a.text)), reply: bot.reply }))),
        absentTopics,
        student,
        outcomes: { answerable, unanswerable },
      };
    } finally {
      ctx.close();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
