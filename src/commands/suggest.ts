import type { AppContext } from '../context.js';
import { foldText } from '../core/text.js';
import { DISCORD_LIMITS as L, truncate } from '../render/limits.js';
import type { Choice } from './types.js';

/**
 * Sources whose id, title or author contain what the user typed (all words, any order, folded),
 * ids first, as autocomplete choices within Discord's limits.
 */
export function suggestSources(ctx: AppContext, typed: string): Choice[] {
  const words = foldText(typed).split(' ').filter(Boolean);
  return ctx.library
    .listSources()
    .map((s) => ({ s, haystack: foldText(`${s.id} ${s.title} ${s.author ?? ''} ${s.publisher ?? ''}`) }))
    .filter(({ haystack }) => words.every((w) => haystack.includes(w)))
    .sort((a, b) => Number(!a.s.id.startsWith(words[0] ?? '')) - Number(!b.s.id.startsWith(words[0] ?? '')))
    .slice(0, L.choices)
    .map(({ s }) => ({ name: truncate(`${s.title} (${s.id})`, L.choiceName), value: s.id.slice(0, L.choiceValue) }));
}
