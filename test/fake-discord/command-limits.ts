import type { LimitViolation } from './limits.js';

interface OptionLike {
  name?: string;
  description?: string;
  options?: OptionLike[];
  choices?: { name?: string }[];
}

/** A command as registered through PUT/POST, reduced to what Discord validates here. */
export interface CommandBodyLike extends OptionLike {
  type?: number;
}

const CHAT_INPUT = 1;
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;

const badLength = (path: string, min: number, max: number): LimitViolation => ({
  path,
  code: 'BASE_TYPE_BAD_LENGTH',
  message: `Must be between ${min} and ${max} in length.`,
});

function checkName(out: LimitViolation[], path: string, name: string | undefined, chatInput: boolean): void {
  const valid = typeof name === 'string' && NAME_PATTERN.test(name) && (!chatInput || name === name.toLowerCase());
  if (!valid) out.push({ path: `${path}.name`, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
}

function checkDescription(out: LimitViolation[], path: string, description: string | undefined): void {
  const length = typeof description === 'string' ? [...description].length : 0;
  if (length < 1 || length > 100) out.push(badLength(`${path}.description`, 1, 100));
}

function checkOptions(out: LimitViolation[], path: string, options: OptionLike[]): void {
  if (options.length > MAX_OPTIONS) out.push(badLength(`${path}.options`, 0, MAX_OPTIONS));
  options.forEach((option, index) => {
    const optionPath = `${path}.options.${index}`;
    checkName(out, optionPath, option.name, true);
    checkDescription(out, optionPath, option.description);
    const choices = option.choices ?? [];
    if (choices.length > MAX_CHOICES) out.push(badLength(`${optionPath}.choices`, 0, MAX_CHOICES));
    choices.forEach((choice, choiceIndex) => {
      const length = typeof choice.name === 'string' ? [...choice.name].length : 0;
      if (length < 1 || length > 100) out.push(badLength(`${optionPath}.choices.${choiceIndex}.name`, 1, 100));
    });
    checkOptions(out, optionPath, option.options ?? []);
  });
}

/**
 * Lists what Discord would reject in a command list sent to PUT .../commands: names,
 * descriptions (1-100), at most 25 options and 25 choices, unique names. Paths start at the index.
 */
export function checkCommandLimits(commands: CommandBodyLike[]): LimitViolation[] {
  const out: LimitViolation[] = [];
  const seen = new Set<string>();
  commands.forEach((command, index) => {
    const path = String(index);
    const chatInput = (command.type ?? CHAT_INPUT) === CHAT_INPUT;
    checkName(out, path, command.name, chatInput);
    if (chatInput) checkDescription(out, path, command.description);
    checkOptions(out, path, command.options ?? []);
    const key = `${command.type ?? CHAT_INPUT}:${command.name}`;
    if (seen.has(key)) {
      out.push({ path: `${path}.name`, code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    }
    seen.add(key);
  });
  return out;
}
