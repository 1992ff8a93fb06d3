import type { AppContext } from '../app/context.js';
import { QuestionError } from '../core/errors.js';
import { quoteInput } from '../core/language/text.js';
import { resolveSource, SourceFinder } from '../core/sources/source-finder.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';
import { optionalString, type Choice, type OptionValues } from './types.js';

/**
 * Sources matching what the user typed (exact id, id prefix, words of the id, title, author or
 * publisher, then the nearest ids to a typo), as autocomplete choices within Discord's limits: those
 * the library sees, or with `own` only its own (a server's additions, which are all it may remove).
 */
export function suggestSources(ctx: AppContext, typed: string, { own = false } = {}): Choice[] {
  // A server's own sources are a few readings: indexing them per keystroke costs less than keeping them.
  const finder = own ? new SourceFinder(ctx.sources.listOwnSources(ctx.library)) : ctx.sourceFinder();
  return finder.find(typed, L.choices).map((s) => ({ name: truncate(`${s.title} (${s.id})`, L.choiceName), value: s.id.slice(0, L.choiceValue) }));
}

/**
 * A source option as every command reads it: the id of the source it names ("berger" is
 * berger-2019), by the same ranking as {@link suggestSources}; `undefined` when not given.
 * @throws QuestionError naming the sources it could mean, or the nearest ids to a typo
 */
export function readSourceOption(ctx: AppContext, value: OptionValues[string]): string | undefined {
  const typed = optionalString(value);
  return typed === undefined ? undefined : resolveSource(ctx.sourceFinder(), typed);
}

/**
 * The source a removal names: its exact id, in any case, as autocomplete offers it. Nothing is
 * removed on a guess (/library and `research-bot remove` alike): "reading-1" once it is gone is not
 * reading-10. A miss says which of the library's own sources (what it may remove) was meant, read
 * as every command reads a source.
 * @throws QuestionError naming the source meant
 */
export function readRemovalId(ctx: AppContext, typed: string): string {
  const id = typed.trim().toLowerCase();
  // A shared source seen from a server is found too: removeSources refuses it, saying whose it is.
  if (ctx.sourceDeps.getSource(id)) return id;
  const match = new SourceFinder(ctx.sources.listOwnSources(ctx.library)).match(typed);
  const meant = 'id' in match ? [match.id] : 'ambiguous' in match ? match.ambiguous : match.nearest;
  if (meant.length > 0) {
    throw new QuestionError(`There is no source ${quoteInput(typed)} in the library; nothing was removed. Did you mean ${meant.slice(0, 3).join(' or ')}? Removing takes the exact id.`);
  }
  return typed.trim();
}
