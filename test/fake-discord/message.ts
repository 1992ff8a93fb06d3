import { MessageFlags, MessageType } from 'discord.js';
import type { FakeContext } from './context.js';
import { buildBotUser } from './fixtures.js';
import type { Json } from './types.js';

/** A file part of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** The message fields a body may set; everything else in a body is an instruction, not content. */
const MESSAGE_FIELDS = ['content', 'embeds', 'components', 'attachments', 'flags', 'tts', 'poll'] as const;

/** Whether Discord would refuse to send `body` as a new message (50006): nothing to show. */
export function isEmptyMessage(body: Json, files: UploadedFile[]): boolean {
  const has = (key: string): boolean => Array.isArray(body?.[key]) && body[key].length > 0;
  return !body?.content && !has('embeds') && !has('components') && !has('attachments') && !body?.poll && files.length === 0;
}

function pickMessageFields(body: Json): Json {
  const picked: Json = {};
  for (const key of MESSAGE_FIELDS) if (body?.[key] !== undefined) picked[key] = body[key];
  if (Array.isArray(picked.embeds)) picked.embeds = picked.embeds.map((embed: Json) => ({ type: 'rich', ...embed }));
  return picked;
}

function buildAttachments(ctx: FakeContext, channelId: string, files: UploadedFile[]): Json[] {
  return files.map((file) => {
    const id = ctx.nextId();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
    return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

/** Where a new message lives and which interaction made it. */
export interface MessageOrigin {
  id: string;
  interaction: Json;
}

/** Builds the message object Discord stores for a reply or follow-up `body`. */
export function buildMessage(ctx: FakeContext, origin: MessageOrigin, body: Json, files: UploadedFile[] = []): Json {
  const { interaction } = origin;
  const fields = pickMessageFields(body);
  return {
    id: origin.id,
    type: interaction.type === 2 ? MessageType.ChatInputCommand : MessageType.Default,
    channel_id: interaction.channel_id,
    author: buildBotUser(ctx),
    content: '',
    embeds: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    webhook_id: ctx.applicationId,
    application_id: ctx.applicationId,
    interaction_metadata: {
      id: interaction.id,
      type: interaction.type,
      user: interaction.member.user,
      authorizing_integration_owners: interaction.authorizing_integration_owners,
      ...(interaction.type === 2 ? { name: interaction.data.name, command_type: interaction.data.type } : {}),
    },
    ...fields,
    attachments: buildAttachments(ctx, interaction.channel_id, files),
    flags: (fields.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsComponentsV2),
  };
}

/** The "is thinking…" message a deferred reply shows until it is edited. */
export function buildLoadingMessage(ctx: FakeContext, origin: MessageOrigin, flags: number): Json {
  return { ...buildMessage(ctx, origin, {}), flags: (flags & MessageFlags.Ephemeral) | MessageFlags.Loading };
}

/** Applies an edit (or an UPDATE_MESSAGE callback) to `message`: given fields replace, the rest stay. */
export function applyEdit(ctx: FakeContext, message: Json, body: Json, files: UploadedFile[] = []): Json {
  const fields = pickMessageFields(body);
  const keptIds = Array.isArray(fields.attachments) ? fields.attachments.map((a: Json) => String(a.id)) : undefined;
  const kept = (message.attachments ?? []).filter((a: Json) => keptIds?.includes(a.id) ?? true);
  const flags = ((message.flags ?? 0) & ~MessageFlags.Loading) | ((fields.flags ?? 0) & MessageFlags.SuppressEmbeds);
  return {
    ...message,
    ...fields,
    attachments: [...kept, ...buildAttachments(ctx, message.channel_id, files)],
    flags,
    edited_timestamp: (message.flags ?? 0) & MessageFlags.Loading ? null : new Date().toISOString(),
  };
}
