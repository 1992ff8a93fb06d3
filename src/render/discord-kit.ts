import type { APIActionRowComponent, APIButtonComponent, APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import { DISCORD_LIMITS as L, truncate } from './limits.js';

/** A reply for Discord as plain data: embeds and button rows, sent with mentions disabled. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

// Discord's numbers for these, typed from discord.js but written here: importing its enums would
// load discord.js (~0.3 s) into the CLI, which renders nothing for Discord.
/** Button styles the replies use. */
export const BUTTON_STYLE = { primary: 1 as ButtonStyle.Primary, secondary: 2 as ButtonStyle.Secondary };
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;
/** Buttons Discord shows in one row. */
const ROW_BUTTONS = 5;

/** A button within Discord's label and custom id limits. */
export function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: BUTTON, style, label: truncate(label, L.buttonLabel), custom_id: customId.slice(0, L.customId) };
}

/** One row of the first five buttons, or no row when there are none. */
export function buttonRow(buttons: APIButtonComponent[]): DiscordReply['components'] {
  return buttons.length > 0 ? [{ type: ACTION_ROW, components: buttons.slice(0, ROW_BUTTONS) }] : [];
}

/** Characters Discord counts towards the 6,000 total of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}
