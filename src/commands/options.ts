import type { APIApplicationCommandOption } from 'discord.js';
import { UserError } from '../core/errors.js';
import { quoteInput } from '../core/language/text.js';
import { OPTION, type Command, type OptionValues } from './types.js';

/**
 * Reads the options an adapter was given as text (the local prompt's line, the CLI's flags) by the
 * command's own definitions, as Discord's client would: one validation, one set of messages for
 * every adapter.
 * @param partial only check the options given (the rest come later, as --batch's questions)
 * @throws UserError naming the option and what it must be, or a required option that is missing
 */
export function readOptions(command: Command, given: Record<string, string | undefined>, { partial = false } = {}): OptionValues {
  const definitions = command.data.toJSON().options ?? [];
  const options: OptionValues = {};
  for (const [name, raw] of Object.entries(given)) {
    if (raw === undefined) continue;
    const definition = definitions.find((o) => o.name === name);
    if (!definition) throw new UserError(`/${command.data.name} has no option ${quoteInput(name, 30)}.`);
    options[name] = readOptionValue(raw, definition);
  }
  for (const o of partial ? [] : definitions) {
    if ('required' in o && o.required && options[o.name] === undefined) throw new UserError(`/${command.data.name} needs ${o.name}:`);
  }
  return options;
}

/**
 * Reads one option value as Discord would accept it: numbers in their range, strings within their
 * length and among their choices, so the prompt refuses what Discord's client would not send.
 */
export function readOptionValue(raw: string, definition: APIApplicationCommandOption): string | number | boolean {
  const { name, type } = definition;
  if (type === OPTION.integer || type === OPTION.number) {
    const n = Number(raw);
    const whole = type === OPTION.integer;
    if (!raw || !Number.isFinite(n) || (whole && !Number.isInteger(n))) throw new UserError(`${name}: must be a ${whole ? 'whole ' : ''}number, not ${quoteInput(raw, 20)}.`);
    const { min_value: min, max_value: max } = definition;
    if (min !== undefined && n < min) throw new UserError(`${name}: must be at least ${min}, not ${n}.`);
    if (max !== undefined && n > max) throw new UserError(`${name}: must be at most ${max}, not ${n}.`);
    return n;
  }
  if (type === OPTION.attachment) throw new UserError(`${name}: attach the file in Discord; here, ingest it with research-bot ingest <file>.`);
  if (type === OPTION.boolean) {
    if (!/^(true|false)$/i.test(raw)) throw new UserError(`${name}: must be true or false.`);
    return raw.toLowerCase() === 'true';
  }
  if (type === OPTION.string) {
    const length = [...raw].length;
    if (definition.max_length !== undefined && length > definition.max_length) throw new UserError(`${name}: is ${length} characters long; keep it to ${definition.max_length}.`);
    const choices = definition.choices?.map((c) => String(c.value));
    if (choices && !choices.includes(raw)) throw new UserError(`${name}: must be one of ${choices.join(', ')}, not ${quoteInput(raw, 20)}.`);
  }
  return raw;
}

