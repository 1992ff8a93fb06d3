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
const LINK_STYLE = 5 as ButtonStyle.Link;
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;
/** Buttons Discord shows in one row, and rows in one message. */
const ROW_BUTTONS = 5;
const ROWS = 5;
/** Longest URL Discord takes in a link button. */
const MAX_URL = 512;

/** A button within Discord's label and custom id limits. */
export function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: BUTTON, style, label: truncate(label, L.buttonLabel), custom_id: customId.slice(0, L.customId) };
}

/** A button that opens a web page: no press reaches the bot. */
export function linkButton(label: string, url: string): APIButtonComponent {
  return { type: BUTTON, style: LINK_STYLE, label: truncate(label, L.buttonLabel), url };
}

/**
 * Rows of buttons: each group starts a row and runs on in rows of five; empty groups take no row,
 * and the rows stop at Discord's five.
 */
export function buttonRows(...groups: APIButtonComponent[][]): DiscordReply['components'] {
  const rows: DiscordReply['components'] = [];
  for (const group of groups) {
    for (let at = 0; at < group.length; at += ROW_BUTTONS) rows.push({ type: ACTION_ROW, components: group.slice(at, at + ROW_BUTTONS) });
  }
  return rows.slice(0, ROWS);
}

/**
 * A source's web address when Discord can link it: http or https, no spaces, at most 512
 * characters. Anything else in an article's front matter is shown as text, never linked.
 */
export function linkable(url: string | undefined): string | undefined {
  return url !== undefined && url.length <= MAX_URL && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : undefined;
}

/** Markdown for a link, parentheses in the address escaped so they do not end it; the text alone when there is no linkable address. */
export function markdownLink(text: string, url: string | undefined): string {
  const target = linkable(url);
  return target ? `[${text}](${target.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : text;
}

/** A citation `[gvs-2018 ¶4]` whose inside links to the source's page when it has one; brackets shown as typed. */
export function linkedCitation(citation: string, url: string | undefined): string {
  return linkable(url) ? `\\[${markdownLink(citation.slice(1, -1), url)}\\]` : citation;
}

/** Characters Discord counts towards the 6,000 total of an embed. */
export function embedLength(embed: APIEmbed): number {
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
}
