import type { AppContext } from '../app/context.js';
import { QuestionError, UserError } from '../core/errors.js';
import { ingestInChildProcess } from '../ingest/child-ingest.js';
import { ingestPaths, removeSources } from '../ingest/ingest.js';
import { BASE_LIBRARY } from '../store/library-keys.js';
import { addArticle } from './library-add.js';
import { renderLibraryDiscord, renderLibraryText, UNDO_MINUTES, type LibraryChange } from './library-reply.js';
import { readRemovalId, suggestSources } from './source-option.js';
import { OPTION, optionalString, type Command, type Progress, slashCommand } from './types.js';
import type { InteractionContextType } from 'discord.js';

export type { LibraryChange } from './library-reply.js';

/** Discord's Manage Server permission bit and guild interaction context, as numbers (see commands/types.ts). */
const MANAGE_GUILD = 1n << 5n;
const GUILD_CONTEXT = 0 as InteractionContextType.Guild;

async function change(ctx: AppContext, action: string, sourceId: string | undefined): Promise<LibraryChange> {
  if (ctx.db.readonly) throw new UserError('The library is open read-only here; change it with the CLI.');
  // The articles folder is the shared library's, whichever server asks for it to be re-read.
  if (action === 'reingest') return { action, report: await ingestPaths(ctx.forLibrary(BASE_LIBRARY), [ctx.config.articlesDir]) };
  if (action === 'add') {
    throw new UserError("Adding an article downloads it, which only the bot does: in Discord, /library action: add file: or url:; here, research-bot ingest <file or link> (--server <id> for a server's library).");
  }
  if (action !== 'remove') throw new QuestionError('Choose an action: add, remove or reingest.');
  const [removed] = removeSources(ctx, [removalId(ctx, sourceId)]);
  return { action, removed: removed! };
}

function removalId(ctx: AppContext, value: string | undefined): string {
  const typed = optionalString(value)?.trim();
  if (typed === undefined) throw new QuestionError('Say which source to remove: /library action: remove source: <id>.');
  return readRemovalId(ctx, typed);
}

/** The Undo button of an added source: removes it again from the server's library, while the button works. */
function undo(ctx: AppContext, id: string, until: string | undefined): LibraryChange {
  if (ctx.library === BASE_LIBRARY) throw new QuestionError('Undo works in the server that added the source.');
  if (!(Number(until) * 1000 > Date.now())) {
    throw new QuestionError(`This Undo button has expired (it works for ${UNDO_MINUTES} minutes); remove the source with /library action: remove source: ${id}.`);
  }
  // The button was made just after its add was written: a source of that id written later is
  // another add (after a removal) or an update, which this button never showed.
  const made = (Number(until) - UNDO_MINUTES * 60 + 1) * 1000;
  if ((ctx.sources.ingestedAt(id, ctx.library) ?? 0) >= made) {
    throw new QuestionError(`${id} was added again or changed since this Undo button was made; remove it with /library action: remove source: ${id}.`);
  }
  const [removed] = removeSources(ctx, [id]);
  return { action: 'undo', removed: removed! };
}

/**
 * `/library action:<add|remove|reingest> [source:<id>] [file:<attachment>] [url:<link>]`: adds an
 * article to the server's own library (a file or a link), removes one of the server's own sources,
 * or re-reads the articles folder (ARTICLES_DIR) into the shared library. Only members with Manage
 * Server see it by default, and the adapter checks that permission again when it runs (and when
 * the Undo button of an added article is pressed).
 */
export const library = {
  data: slashCommand({
    name: 'library',
    description: "Change this server's library: add or remove a source, or re-read the articles folder.",
    // Manage Server (discord.js's PermissionFlagsBits.ManageGuild); the adapter checks it again at run time.
    default_member_permissions: String(MANAGE_GUILD),
    contexts: [GUILD_CONTEXT],
    options: [
      { type: OPTION.string, name: 'action', description: 'What to change', required: true, choices: [
        { name: 'remove a source', value: 'remove' },
        { name: 're-read the articles folder', value: 'reingest' },
        { name: 'add an article (file: or url:)', value: 'add' },
      ] },
      { type: OPTION.string, name: 'source', description: 'The source to remove (type to search titles)', autocomplete: true, max_length: 100 },
      { type: OPTION.attachment, name: 'file', description: 'The article to add (action: add): a .txt or .md file' },
      { type: OPTION.string, name: 'url', description: 'A link to the article to add (action: add)', max_length: 1000 },
    ],
  }),
  run: (ctx, options): Promise<LibraryChange> => change(ctx, String(options.action ?? ''), options.source === undefined ? undefined : String(options.source)),
  // Re-reading a folder can take minutes on a large library: the bot does it in a child process
  // (the CLI's ingest, on the same database) and keeps answering meanwhile. An in-memory library
  // cannot be shared with another process, so it is re-read in place. Adding downloads, then
  // ingests on a worker thread.
  runInBackground: async (ctx, options, progress?: Progress): Promise<LibraryChange> => {
    if (options.action === 'add') return addArticle(ctx, options, progress);
    return options.action === 'reingest' && ctx.config.databasePath !== ':memory:' && !ctx.db.readonly
      ? { action: 'reingest', report: await ingestInChildProcess(ctx, ctx.config.articlesDir) }
      : library.run(ctx, options);
  },
  // What an add shows (and its Undo button) is for the moderator who added it.
  replyPrivately: (options) => options.action === 'add',
  renderText: renderLibraryText,
  renderDiscord: renderLibraryDiscord,
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value, { own: true }) : []),
  press: (ctx, args): LibraryChange => {
    const [action, id, until] = args;
    if (action !== 'undo' || !id) throw new QuestionError('This button is from an older version of the bot; run /library again.');
    return undo(ctx, id, until);
  },
} satisfies Command<LibraryChange>;
