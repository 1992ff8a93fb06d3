import type { AppContext } from '../app/context.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';
import type { Choice } from './types.js';

/**
 * Sources matching what the user typed (id, title, author or publisher; prefix and typo tolerant),
 * as autocomplete choices within Discord's limits.
 */
export function suggestSources(ctx: AppContext, typed: string): Choice[] {
  return ctx.sourceFinder().find(typed, L.choices).map((s) => ({ name: truncate(`${s.title} (${s.id})`, L.choiceName), value: s.id.slice(0, L.choiceValue) }));
}
