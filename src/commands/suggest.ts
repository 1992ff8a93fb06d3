import type { AppContext } from '../context.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';
import type { Choice } from './types.js';

/**
 * Sources matching what the user typed (id, title, author or publisher; prefix and typo tolerant),
 * as autocomplete choices within Discord's limits.
 */
export function suggestSources(ctx: AppContext, typed: string): Choice[] {
  const ids = ctx.sourceFinder().find(typed, L.choices, () => ctx.library.listSources().map((s) => s.id));
  return ids.flatMap((id) => {
    const source = ctx.library.getSource(id);
    return source ? [{ name: truncate(`${source.title} (${source.id})`, L.choiceName), value: source.id.slice(0, L.choiceValue) }] : [];
  });
}
