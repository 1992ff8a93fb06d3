import type { AppContext } from '../app/context.js';
import { SourceFinder } from '../core/sources/source-finder.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';
import type { Choice } from './types.js';

/**
 * Sources matching what the user typed (id, title, author or publisher; prefix and typo tolerant),
 * as autocomplete choices within Discord's limits: those the library sees, or with `own` only its
 * own (a server's additions, which are all it may remove).
 */
export function suggestSources(ctx: AppContext, typed: string, { own = false } = {}): Choice[] {
  // A server's own sources are a few readings: indexing them per keystroke costs less than keeping them.
  const finder = own ? new SourceFinder(ctx.sources.listOwnSources(ctx.library)) : ctx.sourceFinder();
  return finder.find(typed, L.choices).map((s) => ({ name: truncate(`${s.title} (${s.id})`, L.choiceName), value: s.id.slice(0, L.choiceValue) }));
}
