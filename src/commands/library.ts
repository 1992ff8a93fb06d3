import type { AppContext } from '../app/context.js';
import { QuestionError, UserError } from '../core/errors.js';
import { ingestInChildProcess } from '../ingest/child-ingest.js';
import { ingestPaths, removeSources, type IngestReport } from '../ingest/ingest.js';
import { describeIngest } from '../ingest/prepare.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from '../render/limits.js';
import type { StoredSource } from '../store/sources.js';
import { readSourceOption, suggestSources } from './source-option.js';
import { OPTION, slashCommand, type Command } from './types.js';
import type { InteractionContextType } from 'discord.js';

/** What `/library` changed. */
export type LibraryChange =
  | { action: 'remove'; removed: Pick<StoredSource, 'id' | 'title' | 'paragraphCount'> }
  | { action: 'reingest'; report: IngestReport };

const CHANGED_COLOUR = 0x1565c0;
/** Discord's Manage Server permission bit and guild interaction context, as numbers (see commands/types.ts). */
const MANAGE_GUILD = 1n << 5n;
const GUILD_CONTEXT = 0 as InteractionContextType.Guild;

async function change(ctx: AppContext, action: string, sourceId: string | undefined): Promise<LibraryChange> {
  // Shards open the library read-only, and each holds its own index: changes go through the CLI.
  if (ctx.db.readonly) throw new UserError('The library is open read-only here (the bot runs in shards); change it with the CLI, then restart the bot.');
  if (action === 'reingest') return { action, report: await ingestPaths(ctx, [ctx.config.articlesDir]) };
  if (action !== 'remove') throw new QuestionError('Choose an action: remove or reingest.');
  const id = readSourceOption(ctx, sourceId);
  if (id === undefined) throw new QuestionError('Say which source to remove: /library action: remove source: <id>.');
  const [removed] = removeSources(ctx, [id]);
  return { action, removed: removed! };
}

/**
 * `/library action:<remove|reingest> [source:<id>]`: removes a source, or re-reads the articles
 * folder (ARTICLES_DIR). Only members with Manage Server see it by default, and the adapter checks
 * that permission again when it runs.
 */
export const library = {
  data: slashCommand({
    name: 'library',
    description: 'Change the library: remove a source, or re-read the articles folder.',
    // Manage Server (discord.js's PermissionFlagsBits.ManageGuild); the adapter checks it again at run time.
    default_member_permissions: String(MANAGE_GUILD),
    contexts: [GUILD_CONTEXT],
    options: [
      { type: OPTION.string, name: 'action', description: 'What to change', required: true, choices: [
        { name: 'remove a source', value: 'remove' },
        { name: 're-read the articles folder', value: 'reingest' },
      ] },
      { type: OPTION.string, name: 'source', description: 'The source to remove (type to search titles)', autocomplete: true, max_length: 100 },
    ],
  }),
  run: (ctx, options): Promise<LibraryChange> => change(ctx, String(options.action ?? ''), options.source === undefined ? undefined : String(options.source)),
  // Re-reading a folder can take minutes on a large library: the bot does it in a child process
  // (the CLI's ingest, on the same database) and keeps answering meanwhile. An in-memory library
  // cannot be shared with another process, so it is re-read in place.
  runInBackground: async (ctx, options): Promise<LibraryChange> =>
    options.action === 'reingest' && ctx.config.databasePath !== ':memory:' && !ctx.db.readonly
      ? { action: 'reingest', report: await ingestInChildProcess(ctx, ctx.config.articlesDir) }
      : library.run(ctx, options),
  renderText: (result) =>
    result.action === 'remove'
      ? `Removed ${result.removed.id} (${result.removed.title}, ${result.removed.paragraphCount} paragraphs). Ingest its file again to bring it back.`
      : `Re-read the articles folder: ${describeIngest(result.report, true)}`,
  renderDiscord: (result) => ({
    embeds: [{
      title: 'Library updated',
      color: CHANGED_COLOUR,
      description: truncate(
        result.action === 'remove'
          ? `Removed **${result.removed.id}** (${escapeForDiscord(result.removed.title)}, ${result.removed.paragraphCount} paragraphs). Ingest its file again to bring it back.`
          : `Re-read the articles folder: ${escapeForDiscord(describeIngest(result.report, true))}`,
        L.description,
      ),
    }],
    components: [],
  }),
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value) : []),
} satisfies Command<LibraryChange>;
