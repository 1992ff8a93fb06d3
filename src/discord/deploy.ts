#!/usr/bin/env node
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/index.js';
import { loadConfig } from '../app/config.js';
import { UserError } from '../core/errors.js';

/**
 * Registers the slash commands: to DISCORD_GUILD_ID (instant, for one study server) or, with
 * `--global`, for every server the bot is in (Discord may take up to an hour to show changes).
 */
async function deploy(argv: string[]): Promise<void> {
  const config = loadConfig();
  const global = argv.includes('--global');
  const discord = config.discord;
  if (!discord) throw new UserError('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
  if (!discord.clientId) throw new UserError('DISCORD_CLIENT_ID is not set: copy the application id from the Developer Portal.');
  if (!global && !discord.guildId) throw new UserError('DISCORD_GUILD_ID is not set: give the server id, or deploy with --global.');
  const rest = new REST(discord.apiBase ? { api: discord.apiBase } : {}).setToken(discord.token);
  const route = global ? Routes.applicationCommands(discord.clientId) : Routes.applicationGuildCommands(discord.clientId, discord.guildId!);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  process.stdout.write(`Registered ${registered.length} commands (${registered.map((c) => '/' + c.name).join(', ')}) ${global ? 'globally' : `in guild ${discord.guildId}`}.\n`);
}

deploy(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof UserError ? error.message : `Could not register the commands: ${(error as Error).message}`;
  process.stderr.write(message + '\n');
  process.exitCode = 1;
});
