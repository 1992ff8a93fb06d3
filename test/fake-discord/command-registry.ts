import type { FakeContext } from './context.js';
import type { Json } from './types.js';

/** Where a command is registered. */
export type CommandScope = 'global' | 'guild';

/** Registered application commands, as received and as Discord stores them (with ids). */
export class CommandRegistry {
  private readonly received: Record<CommandScope, Json[]> = { global: [], guild: [] };
  private readonly stored: Record<CommandScope, Json[]> = { global: [], guild: [] };

  constructor(private readonly ctx: FakeContext) {}

  /** The body of the last PUT for `scope`, as received. */
  lastPut(scope: CommandScope): Json[] {
    return [...this.received[scope]];
  }

  /** Stored commands of `scope`, each with id, application_id and version. */
  list(scope: CommandScope): Json[] {
    return [...this.stored[scope]];
  }

  /** Replaces every command of `scope` (bulk overwrite); a command keeps its id if its name and type stay. */
  replace(scope: CommandScope, commands: Json[]): Json[] {
    this.received[scope] = commands;
    this.stored[scope] = commands.map((command) => this.toStored(scope, command));
    return this.list(scope);
  }

  /** Creates or overwrites one command by name and type; says whether it was new. */
  upsert(scope: CommandScope, command: Json): { created: boolean; command: Json } {
    const stored = this.toStored(scope, command);
    const index = this.stored[scope].findIndex((existing) => existing.id === stored.id);
    if (index >= 0) this.stored[scope][index] = stored;
    else this.stored[scope].push(stored);
    return { created: index < 0, command: stored };
  }

  /** Deletes one command; false when the id is unknown. */
  remove(scope: CommandScope, id: string): boolean {
    const before = this.stored[scope].length;
    this.stored[scope] = this.stored[scope].filter((command) => command.id !== id);
    return this.stored[scope].length < before;
  }

  /** The chat-input command with this name, guild commands first, as interactions reference it. */
  findByName(name: string): Json | undefined {
    const isMatch = (command: Json): boolean => command.name === name && (command.type ?? 1) === 1;
    return this.stored.guild.find(isMatch) ?? this.stored.global.find(isMatch);
  }

  private toStored(scope: CommandScope, command: Json): Json {
    const type = command.type ?? 1;
    const existing = this.stored[scope].find((stored) => stored.name === command.name && stored.type === type);
    return {
      default_member_permissions: null,
      name_localizations: null,
      description_localizations: null,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...command,
      type,
      id: existing?.id ?? this.ctx.nextId(),
      application_id: this.ctx.applicationId,
      version: this.ctx.nextId(),
      ...(scope === 'guild' ? { guild_id: this.ctx.guildId } : {}),
    };
  }
}
