import {
  DiscordAPIError, MessageFlags, PermissionsBitField, RESTJSONErrorCodes, type AutocompleteInteraction, type ButtonInteraction,
  type ChatInputCommandInteraction, type Interaction,
} from 'discord.js';
import type { AppContext } from '../app/context.js';
import { QuestionError, UserError } from '../core/errors.js';
import type { Command, OptionValues } from '../commands/types.js';
import type { DiscordReply } from '../render/discord-kit.js';
import { DISCORD_LIMITS, escapeForDiscord, truncate } from '../render/limits.js';
import { BASE_LIBRARY } from '../store/library-keys.js';
import { describeRateLimit, type RateLimiter } from './rate-limit.js';

/** Nothing the bot sends may ping anyone: not users, roles, @everyone or @here. */
export const NO_MENTIONS = { parse: [] as never[] };
const FAILED = 'Something went wrong answering that. The error has been logged; please try again.';

/** What the router needs besides the context and the commands. */
export interface RouterOptions {
  /** The per-user limit on commands (autocomplete is not counted); none when unset. */
  rateLimiter?: RateLimiter;
  /** The per-user limit on button presses, apart from commands' and more generous; none when unset. */
  pressLimiter?: RateLimiter;
}

/**
 * Routes one interaction to its command (slash command, autocomplete or button) behind the single
 * error boundary: failures are logged with their cause and the user gets a short ephemeral sentence;
 * an expired (10062) or already-acknowledged (40060) interaction is logged, never thrown. A user
 * over the rate limit, or without the permissions a command requires, is refused politely first.
 * Every command runs on the library of the server it comes from (the shared library in a DM).
 */
export async function handleInteraction(ctx: AppContext, commands: ReadonlyMap<string, Command>, interaction: Interaction, options: RouterOptions = {}): Promise<void> {
  try {
    const server = ctx.forLibrary(interaction.guildId ?? BASE_LIBRARY);
    if (interaction.isAutocomplete()) return await autocomplete(server, commands, interaction);
    if (interaction.isChatInputCommand()) return await execute(server, commands, interaction, options);
    if (interaction.isButton()) return await press(server, commands, interaction, options);
  } catch (error) {
    await reportFailure(ctx, interaction, error);
  }
}

async function execute(ctx: AppContext, commands: ReadonlyMap<string, Command>, interaction: ChatInputCommandInteraction, router: RouterOptions): Promise<void> {
  const command = commands.get(interaction.commandName);
  if (!command) throw new UserError(`Unknown command /${interaction.commandName}: the bot may be older than its registered commands.`);
  if (await refuse(ctx, command, interaction, router)) return;
  const options = readOptions(interaction);
  const ephemeral = options.private === true || command.replyPrivately?.(options) === true;
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  // Progress edits the deferred reply in turn; the answer waits for the last of them, then replaces it.
  let edits: Promise<unknown> = Promise.resolve();
  let progressed = false;
  const progress = (line: string) => {
    progressed = true;
    const content = truncate(escapeForDiscord(line), DISCORD_LIMITS.content);
    edits = edits.then(() => interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS })).catch(() => undefined);
  };
  const result = command.runInBackground ? await command.runInBackground(ctx, options, progress) : await command.run(ctx, options);
  await edits;
  const reply = command.renderDiscord(result);
  await interaction.editReply({ ...(progressed ? { content: '' } : {}), ...reply, allowedMentions: NO_MENTIONS });
}

async function press(ctx: AppContext, commands: ReadonlyMap<string, Command>, interaction: ButtonInteraction, router: RouterOptions): Promise<void> {
  const [name, ...args] = interaction.customId.split(':');
  const command = commands.get(name ?? '');
  if (!command?.press) throw new QuestionError('This button is no longer supported; run the command again.');
  if (await refuse(ctx, command, interaction, router)) return;
  const message = { footer: interaction.message.embeds[0]?.footer?.text };
  const result = command.press(ctx, args, message);
  const reply: DiscordReply = command.renderDiscord(result);
  // A button acts for the person who pressed it: on their own message a page button turns its
  // page; anything else (someone else's reply, an Open, references) answers them alone, beside it,
  // with a copy of their own to page through. A shared message changes only for its owner.
  if (ownsMessage(interaction) && !command.opensBeside?.(args, message)) {
    await interaction.update({ ...reply, allowedMentions: NO_MENTIONS });
  } else {
    await interaction.reply({ ...reply, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }
}

/**
 * True when the presser is the one the message answered: the user of the interaction that made it
 * (`interaction_metadata`), or anyone on an ephemeral message, which only its owner sees. A message
 * that says neither is treated as someone else's: a press never changes it.
 */
function ownsMessage(interaction: ButtonInteraction): boolean {
  const { message, user } = interaction;
  return message.flags.has(MessageFlags.Ephemeral) || message.interactionMetadata?.user.id === user.id;
}

async function autocomplete(ctx: AppContext, commands: ReadonlyMap<string, Command>, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  let choices: { name: string; value: string }[] = [];
  try {
    choices = commands.get(interaction.commandName)?.autocomplete?.(ctx, focused.name, String(focused.value)) ?? [];
  } catch (error) {
    ctx.log.error(`autocomplete /${interaction.commandName} ${focused.name} failed`, error);
  }
  await interaction.respond(choices.slice(0, 25));
}

/**
 * Refuses, with a private sentence, a user over the rate limit or without the permissions the
 * command's definition requires (`default_member_permissions`): a server admin can override that
 * default in the server settings, so it is checked again here. Returns true when refused.
 */
async function refuse(ctx: AppContext, command: Command, interaction: ChatInputCommandInteraction | ButtonInteraction, router: RouterOptions): Promise<boolean> {
  const reason = refusal(command, interaction, router);
  if (!reason) return false;
  ctx.log.info(`${describe(interaction)}: refused user ${interaction.user.id}: ${reason}`);
  await interaction.reply({ content: reason, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  return true;
}

function refusal(command: Command, interaction: ChatInputCommandInteraction | ButtonInteraction, router: RouterOptions): string | undefined {
  // Presses are not commands: paging through a source is many of them. They have their own limit.
  const limiter = interaction.isButton() ? router.pressLimiter : router.rateLimiter;
  const wait = limiter?.take(interaction.user.id) ?? 0;
  if (wait > 0) return describeRateLimit(limiter!.perMinute, wait, interaction.isButton() ? 'pressing buttons' : 'sending commands');
  const required = command.data.toJSON().default_member_permissions;
  if (required && !interaction.memberPermissions?.has(BigInt(required))) {
    return `Only members with the ${permissionNames(BigInt(required))} permission can use /${command.data.name}.`;
  }
  return undefined;
}

/** Permissions as Discord's settings name them ("Manage Server", not ManageGuild). */
function permissionNames(bits: bigint): string {
  const names = new PermissionsBitField(bits).toArray().map((flag) => (flag === 'ManageGuild' ? 'Manage Server' : flag.replace(/(?<=[a-z])(?=[A-Z])/g, ' ')));
  return names.join(' and ');
}

/** Reads every option of the command by name, whatever its type; an attachment as what Discord says of it. */
function readOptions(interaction: ChatInputCommandInteraction): OptionValues {
  const values: OptionValues = {};
  for (const option of interaction.options.data) {
    const file = option.attachment;
    if (file) values[option.name] = { name: file.name, url: file.url, size: file.size, ...(file.contentType ? { contentType: file.contentType } : {}) };
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

async function reportFailure(ctx: AppContext, interaction: Interaction, error: unknown): Promise<void> {
  const where = describe(interaction);
  if (error instanceof DiscordAPIError && (error.code === RESTJSONErrorCodes.UnknownInteraction || error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged)) {
    ctx.log.warn(`${where}: ${error.code === RESTJSONErrorCodes.UnknownInteraction ? 'interaction expired before the reply (10062)' : 'interaction already acknowledged (40060)'}`);
    return;
  }
  const expected = error instanceof QuestionError || error instanceof UserError;
  if (expected) ctx.log.info(`${where}: ${(error as Error).message}`);
  else ctx.log.error(`${where} failed: ${(error as Error)?.message ?? error}`, error);
  if (!interaction.isRepliable()) return;
  const message = { content: expected ? truncate(`⚠ ${escapeForDiscord((error as Error).message)}`, DISCORD_LIMITS.content) : FAILED, flags: MessageFlags.Ephemeral as const, allowedMentions: NO_MENTIONS };
  try {
    if (interaction.deferred && !interaction.replied) {
      await interaction.deleteReply().catch(() => undefined);
      await interaction.followUp(message);
    } else if (interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (replyError) {
    ctx.log.warn(`${where}: could not tell the user about the failure: ${(replyError as Error).message}`);
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return `/${interaction.commandName} (interaction ${interaction.id})`;
  if (interaction.isButton()) return `button ${interaction.customId} (interaction ${interaction.id})`;
  return `interaction ${interaction.id}`;
}
