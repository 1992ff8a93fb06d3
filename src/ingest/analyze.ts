import { ArticleError, parseArticle } from '../core/article/article.js';
import { extractArticleEvents, type ArticleEvent } from '../core/timeline/events.js';
import { extractTerms } from '../core/language/terms.js';
import type { ArticleText, ParsedArticle } from '../core/types.js';
import { UserError } from '../core/errors.js';

/** An article file parsed and analysed: everything writing it needs, computed without the database. */
export interface AnalyzedArticle {
  article: ParsedArticle;
  /** Its dated events, for /timeline. */
  events: ArticleEvent[];
  /** The index terms of each paragraph with a body of its own, in order, space-separated as the index stores them. */
  bodyTerms: string[];
  titleTerms: string;
}

/**
 * Parses an article (a text file's text, or a document's extracted text) and extracts its index
 * terms and dated events: the per-paragraph work of ingestion, the same whether it runs on the
 * caller's thread or on a worker thread.
 * @param name the article as messages name it (the path as shown, an upload's file name, a link)
 * @throws UserError naming the article when it is not a readable one
 */
export function analyzeArticle(input: string | ArticleText, name: string): AnalyzedArticle {
  let article: ParsedArticle;
  try {
    article = parseArticle(input, name);
  } catch (error) {
    if (error instanceof ArticleError) throw new UserError(`${error.message}.`);
    throw error;
  }
  return {
    article,
    events: extractArticleEvents(article.meta, article.paragraphs),
    bodyTerms: article.paragraphs.filter((p) => p.body).map((p) => extractTerms(p.body).join(' ')),
    titleTerms: extractTerms(article.meta.title).join(' '),
  };
}
