import { parseArgs } from 'node:util';
import { UserError } from '../core/errors.js';
import { cleanInput, quoteInput } from '../core/language/text.js';
import type { AppContext } from '../app/context.js';

/** Opens the library as one library sees it (`''`: the shared library; a guild id: that server's view). */
export type Open = (library: string) => AppContext;

/** A mistake in how the CLI was called: exit code 2 and a pointer to the usage. */
export class UsageError extends Error {}

/** Parses a subcommand's arguments strictly; an unknown or malformed flag is a UsageError. */
export function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own messages echo the whole argument (and suggest a fix at length): say it in one short sentence.
    const unknown = /^Unknown option '(.*?)'\./s.exec((error as Error).message);
    if (unknown) throw new UsageError(`Unknown option ${quoteInput(unknown[1]!, 30)}; to ask a question that starts with "-", put -- before it.`);
    throw new UsageError(cleanInput((error as Error).message, 200));
  }
}

/** A whole-number flag within bounds, or `undefined` when absent. */
export function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not ${quoteInput(value, 20)}.`);
  return n;
}

/**
 * The library `--server` names: a server's (its guild id), or the base library when absent.
 * @throws UsageError when it is not a guild id
 */
export function serverOption(value: string | undefined): string {
  if (value === undefined) return '';
  if (!/^\d{17,20}$/.test(value.trim())) throw new UsageError(`--server takes a Discord server's id (17 to 20 digits), not ${quoteInput(value, 30)}.`);
  return value.trim();
}

/**
 * Runs a reading of options by a slash command's definitions (`readOptions`): Discord's bounds and
 * messages, here a usage mistake (exit status 2).
 */
export function usage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UserError) throw new UsageError(error.message);
    throw error;
  }
}
