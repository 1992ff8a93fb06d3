import type { Command } from '../commands/types.js';

/** A flag of a subcommand; without `about`, its slash command's option of the same name describes it. */
interface Flag {
  name: string;
  value?: string;
  about?: string;
}

/** One subcommand's help: how to call it, what it does, its flags. */
interface SubcommandHelp {
  usage: string;
  about: string;
  /** The slash command whose option definitions describe the flags: one description for Discord, the prompt and the CLI. */
  command?: string;
  flags: Flag[];
}

const JSON_FLAG: Flag = { name: 'json', about: 'Print exactly one JSON object (see README.md for its keys).' };
const SERVER_FLAG: Flag = { name: 'server', value: 'GUILD_ID', about: "The library as that Discord server sees it (the shared library and the server's own additions)." };

const SUBCOMMANDS: Record<string, SubcommandHelp> = {
  ask: {
    usage: 'ask "<question>" [--source ID] [--from YEAR] [--to YEAR] [--limit N] [--json] [--batch]',
    about: 'Answer a question from the library: the passages that answer it, each cited, and the sentence that\nbest answers it. --from and --to are years of publication (of the articles), not of the events.',
    command: 'ask',
    flags: [
      { name: 'source', value: 'ID' }, { name: 'from', value: 'YEAR' }, { name: 'to', value: 'YEAR' }, { name: 'limit', value: 'N' }, JSON_FLAG,
      { name: 'batch', about: 'Read one question per line from stdin; print one JSON object per line.' }, SERVER_FLAG,
    ],
  },
  ingest: {
    usage: 'ingest <file, folder or link>... [--threads N] [--progress] [--json]',
    about: 'Add or update articles: text (.txt, .md, with or without front matter), web pages (.html, .htm),\n' +
      'PDF and Word (.docx), or an http(s) link to a page or a PDF. A file or link read before updates its\n' +
      'source; bad ones are named and left out, the others go in (exit status 1 when any was refused).\n' +
      'Links to this machine\'s or a private network are refused unless ALLOW_PRIVATE_URLS=1.',
    flags: [
      { name: 'threads', value: 'N', about: 'Worker threads that parse the files; 1 parses on the writing thread (default: one per core from 1 MB of new text, else 1).' },
      { name: 'progress', about: 'Print a line to stderr as each file is written, also when stderr is not a terminal.' },
      JSON_FLAG, { ...SERVER_FLAG, about: "Add to that Discord server's own library, which only that server sees." },
    ],
  },
  timeline: {
    usage: 'timeline [--topic WORDS] [--from YEAR] [--to YEAR] [--source ID] [--json]',
    about: 'The dated events the articles report, in order, each with its citations. --from and --to are years\nof the events, not of publication.',
    command: 'timeline',
    flags: [{ name: 'topic', value: 'WORDS' }, { name: 'from', value: 'YEAR' }, { name: 'to', value: 'YEAR' }, { name: 'source', value: 'ID' }, JSON_FLAG, SERVER_FLAG],
  },
  source: {
    usage: 'source [--id ID] [--cite CITATION] [--format apa|mla|chicago|bibtex] [--json]',
    about: 'List the library; show one source; open a cited paragraph ("[gvs-2018 ¶4]", "gvs-2018 p4"); or print\na reference to paste.',
    command: 'source',
    flags: [{ name: 'id', value: 'ID' }, { name: 'cite', value: 'CITATION' }, { name: 'format', value: 'STYLE' }, JSON_FLAG, SERVER_FLAG],
  },
  quote: {
    usage: 'quote "<quotation>" [--json]',
    about: 'Check a quotation against the library: verbatim, close (with the differences), or absent.',
    flags: [JSON_FLAG, SERVER_FLAG],
  },
  remove: {
    usage: 'remove <source id>... [--json]',
    about: 'Remove sources and their paragraphs (their files are left alone; ingest them to bring them back).',
    flags: [JSON_FLAG, { ...SERVER_FLAG, about: "Remove from that Discord server's own library (only its own additions)." }],
  },
};

const SERVER = `--server GUILD_ID works with every command: the library as that Discord server sees it (the shared
library and the server's own additions); ingest adds to, and remove removes from, the server's own.
Without it, commands read and change the shared library that every server sees.`;
const SETTINGS = 'Settings come from the environment or .env (see .env.example); DATABASE_PATH picks the library.';

/** The names of the CLI's subcommands. */
export function isSubcommand(name: string): boolean {
  return Object.hasOwn(SUBCOMMANDS, name);
}

/** `research-bot help`: every subcommand in a line or two. */
export function generalHelp(): string {
  const entries = Object.values(SUBCOMMANDS).map(({ usage, about }) => `  ${usage}\n${indent(about, 6)}`);
  return `Usage: research-bot <command> [options] [--server GUILD_ID]\n\nCommands:\n${entries.join('\n')}\n\n${SERVER}\n\nFor a command's options: research-bot help <command>, or research-bot <command> --help.\n${SETTINGS}`;
}

/**
 * `research-bot help <name>` and `research-bot <name> --help`: how to call it, what it does, and each
 * flag, described by the slash command's own option where there is one.
 * @param commands the slash commands by name (loaded on demand: `ask` alone must start fast)
 */
export function subcommandHelp(name: string, commands: ReadonlyMap<string, Command>): string {
  const help = SUBCOMMANDS[name]!;
  const options = (help.command && commands.get(help.command)?.data.toJSON().options) || [];
  const flags = help.flags.map(({ name: flag, value, about }) => {
    const left = `--${flag}${value ? ` ${value}` : ''}`;
    const text = about ?? options.find((o) => o.name === flag)?.description ?? '';
    return `  ${left.padEnd(18)}${text}`;
  });
  return `Usage: research-bot ${help.usage}\n\n${help.about}\n\nOptions:\n${flags.join('\n')}\n  --help, -h        Print this help.\n\n${SETTINGS}`;
}

function indent(text: string, by: number): string {
  return text.split('\n').map((line) => ' '.repeat(by) + line).join('\n');
}
