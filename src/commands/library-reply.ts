import { formatCitation } from '../core/citation.js';
import type { Source } from '../core/types.js';
import { describeIngest } from '../ingest/prepare.js';
import type { IngestReport } from '../ingest/ingest.js';
import { BUTTON_STYLE, button, buttonRows, type DiscordReply } from '../render/discord-kit.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from '../render/limits.js';
import { dateLine } from '../render/text-source.js';
import type { StoredSource } from '../store/sources.js';

/** What `/library` changed. */
export type LibraryChange =
  | { action: 'remove' | 'undo'; removed: Pick<StoredSource, 'id' | 'title' | 'paragraphCount'> }
  | { action: 'reingest'; report: IngestReport }
  | AddedArticle;

/** An article `/library action:add` took: the source it made (or already had), and until when Undo works. */
export interface AddedArticle {
  action: 'add';
  status: 'added' | 'updated' | 'unchanged';
  /** The source, as stored. */
  source: Source;
  /** True when the text was the shared library's already. */
  shared: boolean;
  /** Unix seconds until which the Undo button works; only for a source this add created. */
  undoUntil?: number;
}

/** How long the Undo button of an added article works. */
export const UNDO_MINUTES = 5;
const CHANGED_COLOUR = 0x1565c0;
/** Pieces of boilerplate listed by name; the rest are counted. */
const DROPPED_SHOWN = 5;

/** The custom id of an added source's Undo button, or `undefined` when it would not fit Discord's 100 characters. */
export function undoButtonId(id: string, until: number): string | undefined {
  const customId = `library:undo:${id}:${until}`;
  return customId.length <= L.customId ? customId : undefined;
}

function addedTitle({ status, shared }: AddedArticle): string {
  if (status === 'added') return "Added to this server's library";
  if (status === 'updated') return "Updated in this server's library";
  return shared ? 'Already in the shared library' : "Already in this server's library";
}

/** The lines describing an added source: what was found or guessed, paragraphs, what was left out. */
function addedLines({ source }: AddedArticle): { label: string; value: string }[] {
  const dropped = source.dropped.slice(0, DROPPED_SHOWN).map((d) => `${d.kind}: ${truncate(d.text.replace(/\s+/g, ' '), 80)}`);
  if (source.dropped.length > DROPPED_SHOWN) dropped.push(`and ${source.dropped.length - DROPPED_SHOWN} more`);
  return [
    { label: 'Author', value: source.author ?? 'none named' },
    { label: 'Date', value: dateLine(source) },
    { label: 'Paragraphs', value: `${source.paragraphCount}, cited ${formatCitation(source.id, 1)} to ${formatCitation(source.id, source.paragraphCount)}` },
    { label: 'Guessed', value: source.warnings.length > 0 ? source.warnings.join('; ') : 'nothing (the file gives its metadata)' },
    { label: 'Left out', value: dropped.length > 0 ? `${source.dropped.length} piece${source.dropped.length === 1 ? '' : 's'} of boilerplate: ${dropped.join('; ')}` : 'nothing' },
  ];
}

/** `/library`'s reply as terminal text. */
export function renderLibraryText(result: LibraryChange): string {
  switch (result.action) {
    case 'remove':
      return `Removed ${result.removed.id} (${result.removed.title}, ${result.removed.paragraphCount} paragraphs). Ingest its file again to bring it back.`;
    case 'undo':
      return `Undone: removed ${result.removed.id} (${result.removed.title}, ${result.removed.paragraphCount} paragraphs) from this server's library.`;
    case 'reingest':
      return `Re-read the articles folder: ${describeIngest(result.report, true)}`;
    case 'add':
      return [`${addedTitle(result)}: [${result.source.id}] ${result.source.title}`, ...addedLines(result).map(({ label, value }) => `   ${`${label}:`.padEnd(12)} ${value}`)].join('\n');
  }
}

/** `/library`'s reply as a Discord embed; an added source has an Undo button while it works. */
export function renderLibraryDiscord(result: LibraryChange): DiscordReply {
  if (result.action !== 'add') {
    return { embeds: [{ title: 'Library updated', color: CHANGED_COLOUR, description: truncate(changeSentence(result), L.description) }], components: [] };
  }
  const undo = result.undoUntil === undefined ? undefined : undoButtonId(result.source.id, result.undoUntil);
  return {
    embeds: [{
      title: addedTitle(result),
      color: CHANGED_COLOUR,
      description: truncate(`**[${result.source.id}]** ${escapeForDiscord(result.source.title)}`, L.description),
      fields: addedLines(result).map(({ label, value }) => ({ name: label, value: truncate(escapeForDiscord(value), L.fieldValue), inline: false })),
      ...(undo ? { footer: { text: `Undo removes it again, for ${UNDO_MINUTES} minutes.` } } : {}),
    }],
    components: undo ? buttonRows([button('Undo: remove it again', undo, BUTTON_STYLE.secondary)]) : [],
  };
}

/** A removal or a re-read in one sentence, as Discord shows it. */
function changeSentence(result: Exclude<LibraryChange, AddedArticle>): string {
  switch (result.action) {
    case 'reingest':
      return `Re-read the articles folder: ${escapeForDiscord(describeIngest(result.report, true))}`;
    case 'undo':
      return `Undone: removed **${result.removed.id}** (${escapeForDiscord(result.removed.title)}, ${result.removed.paragraphCount} paragraphs) from this server's library.`;
    case 'remove':
      return `Removed **${result.removed.id}** (${escapeForDiscord(result.removed.title)}, ${result.removed.paragraphCount} paragraphs). Ingest its file again to bring it back.`;
  }
}
