import { createInterface } from 'node:readline';
import { cleanInput, quoteInput } from '../core/language/text.js';
import type { AppContext } from '../app/context.js';
import { QuestionError, UserError } from '../core/errors.js';
import { commands, commandsByName } from '../commands/index.js';
import { readOptions } from '../commands/options.js';
import type { Command, OptionValues } from '../commands/types.js';

/** A line typed at the local prompt, read the way Discord reads a slash command. */
export interface ParsedLine {
  command: Command;
  options: OptionValues;
}

const HELP = () =>
  'Type a slash command as in Discord, e.g. /ask question: When did Russia lift its arms embargo on Pakistan?\n' +
  commands.map((c) => `  /${c.data.name} ${(c.data.toJSON().options ?? []).map((o) => ('required' in o && o.required ? `${o.name}:` : `[${o.name}:]`)).join(' ')}`).join('\n') +
  '\n  /help, /quit';

/**
 * Parses `/name opt: value opt2: value` using the command's own option definitions, so the local
 * prompt accepts exactly what Discord would.
 * @throws UserError for an unknown command, option, a missing required option or a bad number
 */
export function parseSlashLine(line: string): ParsedLine {
  const match = /^\/(\S+)\s*(.*)$/s.exec(line.trim());
  if (!match) throw new UserError('Commands start with "/": try /help.');
  const command = commandsByName.get(match[1]!.toLowerCase());
  if (!command) throw new UserError(`There is no command ${quoteInput(`/${match[1]}`, 40)}: try /help.`);
  const definitions = command.data.toJSON().options ?? [];
  const names = definitions.map((o) => o.name);
  const rest = match[2]!;
  const marker = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g');
  const found = [...rest.matchAll(marker)];
  if (found.length === 0 && rest.trim()) {
    const first = definitions[0];
    if (!first) throw new UserError(`/${command.data.name} takes no options.`);
    throw new UserError(`Name the option: /${command.data.name} ${first.name}: ${cleanInput(rest)}`);
  }
  if (found[0] && rest.slice(0, found[0].index).trim()) throw new UserError(`Unexpected text ${quoteInput(rest.slice(0, found[0].index))} before ${found[0][1]}:`);
  const options: Record<string, string> = {};
  found.forEach((m, i) => {
    const name = m[1]!;
    const end = found[i + 1]?.index ?? rest.length;
    const raw = rest.slice(m.index! + m[0].length, end).trim();
    options[name] = raw;
  });
  return { command, options: readOptions(command, options) };
}

/**
 * Answers one line of the local prompt: the reply text, or a one-sentence error. Each line sees what
 * other processes (the CLI's ingest) wrote since the last.
 */
export async function answerLine(ctx: AppContext, line: string): Promise<string> {
  if (/^\/?(help|\?)$/i.test(line.trim())) return HELP();
  try {
    const { command, options } = parseSlashLine(line);
    return command.renderText(await command.run(ctx.forLibrary(ctx.library), options));
  } catch (error) {
    if (error instanceof UserError || error instanceof QuestionError) return `⚠ ${error.message}`;
    ctx.log.error(`local command failed: ${line.slice(0, 100)}`, error);
    return '⚠ Something went wrong answering that; the error has been logged.';
  }
}

/**
 * Runs the local prompt: slash commands typed as in Discord, answered on the terminal. With stdin
 * not a terminal, it answers one command per line and returns at end of input.
 */
export function runLocalPrompt(ctx: AppContext, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const interactive = (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    output.write('research-bot local mode (no DISCORD_TOKEN set). ' + HELP() + '\n');
    rl.setPrompt('> ');
    rl.prompt();
  }
  // Lines are answered one at a time, in order, even when an answer takes a while (/library reingest).
  let answered = Promise.resolve();
  let quit = false;
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      answered = answered.then(async () => {
        if (quit) return;
        if (/^\/?(quit|exit)$/i.test(line.trim())) {
          quit = true;
          return rl.close();
        }
        if (line.trim()) output.write((await answerLine(ctx, line)) + '\n\n');
        if (interactive) rl.prompt();
      });
    });
    rl.on('close', () => void answered.then(() => resolve()));
  });
}
