import {
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import { channelIdOf, type FakeContext } from './context.js';
import { EVERYONE_PERMISSIONS, buildBotUser, buildHumanUser, buildMember, buildTextChannel } from './fixtures.js';
import type { Json, PlayedOption, PlayedUser } from './types.js';

/** What the bot may do in #general: @everyone's rights plus managing its own messages. */
const APP_PERMISSIONS = (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.ManageMessages).toString();

/** Discord's upload limit for a guild without boosts, sent on every interaction. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

function buildBase(ctx: FakeContext, type: InteractionType, user: PlayedUser = {}): Json {
  const member = buildMember(ctx, buildHumanUser(ctx, user));
  const guildId = user.guildId ?? ctx.guildId;
  if (!ctx.guildIds.includes(guildId)) throw new Error(`fake-discord: the bot is not in guild ${guildId}; add it to otherGuildIds`);
  return {
    id: ctx.nextId(),
    application_id: ctx.applicationId,
    type,
    token: ctx.newToken(),
    version: 1,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    guild_id: guildId,
    channel_id: channelIdOf(ctx, guildId),
    channel: { ...buildTextChannel(ctx, guildId), permissions: user.permissions ?? EVERYONE_PERMISSIONS },
    member: { ...member, permissions: user.permissions ?? EVERYONE_PERMISSIONS, unusual_dm_activity_until: null },
    app_permissions: APP_PERMISSIONS,
    entitlements: [],
    authorizing_integration_owners: { '0': guildId },
    context: InteractionContextType.Guild,
    locale: Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
}

/** A chat-input command interaction (type 2) for `commandId`/`name` with flat options, and the attachments they name. */
export function buildCommandInteraction(ctx: FakeContext, commandId: string, name: string, options: PlayedOption[], user?: PlayedUser, resolved?: Json): Json {
  const data = { id: commandId, name, type: ApplicationCommandType.ChatInput, ...(options.length > 0 ? { options } : {}), ...(resolved ? { resolved } : {}) };
  return { ...buildBase(ctx, InteractionType.ApplicationCommand, user), data };
}

/** An autocomplete interaction (type 4); the last option is focused unless one already is. */
export function buildAutocompleteInteraction(ctx: FakeContext, commandId: string, name: string, options: PlayedOption[], user?: PlayedUser): Json {
  const anyFocused = options.some((option) => option.focused === true);
  const marked = options.map((option, index) =>
    anyFocused || index !== options.length - 1 ? option : { ...option, value: String(option.value), focused: true },
  );
  const data = { id: commandId, name, type: ApplicationCommandType.ChatInput, options: marked };
  return { ...buildBase(ctx, InteractionType.ApplicationCommandAutocomplete, user), data };
}

/** The message a button sits on by default: an earlier bot reply holding just that button. */
export function buildButtonMessage(ctx: FakeContext, customId: string): Json {
  return {
    id: ctx.nextId(),
    type: MessageType.Default,
    channel_id: ctx.channelId,
    author: buildBotUser(ctx),
    content: '',
    embeds: [],
    components: [{ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: customId }] }],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    webhook_id: ctx.applicationId,
    application_id: ctx.applicationId,
  };
}

/** A button click (component interaction, type 3) on `message`, by `user` (default: the test user). */
export function buildButtonInteraction(ctx: FakeContext, customId: string, message: Json, user?: PlayedUser): Json {
  const data = { custom_id: customId, component_type: ComponentType.Button };
  return { ...buildBase(ctx, InteractionType.MessageComponent, user), data, message };
}
