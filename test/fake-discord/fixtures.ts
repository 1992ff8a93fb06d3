import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type APIGuildMember,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIGuildTextChannel,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord.js';
import { channelIdOf, type FakeContext } from './context.js';
import type { PlayedUser } from './types.js';

/** What @everyone may do in the test guild, and so what a played user may do by default. */
export const EVERYONE_PERMISSIONS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.UseExternalEmojis
).toString();

/** The bot's user; like modern applications, it shares the application's id. */
export function buildBotUser(ctx: FakeContext): APIUser {
  return {
    id: ctx.applicationId,
    username: 'research-bot',
    discriminator: '0000',
    global_name: null,
    avatar: null,
    bot: true,
    flags: 0 as UserFlags,
    public_flags: 0 as UserFlags,
    verified: true,
    mfa_enabled: false,
  };
}

/** A human user; without overrides, the one test user. */
export function buildHumanUser(ctx: FakeContext, user: PlayedUser = {}): APIUser {
  const username = user.username ?? 'tester';
  return {
    id: user.id ?? ctx.testUserId,
    username,
    discriminator: '0',
    global_name: username.charAt(0).toUpperCase() + username.slice(1),
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
  };
}

/** A guild member wrapping `user`, as GUILD_CREATE and interactions carry it. */
export function buildMember(ctx: FakeContext, user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: ctx.startedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A guild's one text channel, #general (the test guild's by default). */
export function buildTextChannel(ctx: FakeContext, guildId = ctx.guildId): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: channelIdOf(ctx, guildId),
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position: 0,
    flags: 0 as ChannelFlags,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
  };
}

function buildEveryoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** READY for a fresh session: the bot, the guilds this shard owns as unavailable, and where to resume. */
export function buildReady(ctx: FakeContext, sessionId: string, shard: [number, number] = [0, 1], owned: string[] = ctx.guildIds): GatewayReadyDispatchData {
  return {
    v: 10,
    user: buildBotUser(ctx),
    guilds: owned.map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: ctx.gatewayUrl,
    shard,
    application: { id: ctx.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

/** GUILD_CREATE for a guild (the test guild by default), with #general, @everyone and the bot and test user as members. */
export function buildGuildCreate(ctx: FakeContext, guildId = ctx.guildId): GatewayGuildCreateDispatchData {
  const index = ctx.guildIds.indexOf(guildId);
  return {
    id: guildId,
    name: index > 0 ? `Research Lab ${index + 1}` : 'Research Lab',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ctx.testUserId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [buildEveryoneRole(guildId)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channelIdOf(ctx, guildId),
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    incidents_data: null,
    joined_at: ctx.startedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [buildMember(ctx, buildBotUser(ctx)), buildMember(ctx, buildHumanUser(ctx))],
    channels: [buildTextChannel(ctx, guildId)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
