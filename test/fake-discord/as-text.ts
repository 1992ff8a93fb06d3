import type { Json } from './types.js';

const LINK_STYLE = 5;

/**
 * A message as Discord shows it, written as text for README.md: each embed line behind a bar
 * (title in bold, linked when it has a url; fields as a bold name over the value; the footer in
 * italics), then each row of buttons (`[ label ]`, a link button `[ label ↗ url ]`). Markdown is
 * left as the bot sent it; only the layout is drawn.
 */
export function messageAsText(message: Json): string {
  const lines: string[] = [];
  if (message.content) lines.push(...String(message.content).split('\n'));
  for (const embed of message.embeds ?? []) {
    const bar: string[] = [];
    if (embed.title) bar.push(embed.url ? `**[${embed.title}](${embed.url})**` : `**${embed.title}**`);
    if (embed.description) bar.push(...String(embed.description).split('\n'));
    for (const field of embed.fields ?? []) bar.push('', `**${field.name}**`, ...String(field.value).split('\n'));
    if (embed.footer?.text) bar.push('', `_${embed.footer.text}_`);
    lines.push(...bar.map((line) => `│ ${line}`.trimEnd()));
  }
  for (const row of message.components ?? []) {
    const buttons = (row.components ?? []).map((b: Json) => (b.style === LINK_STYLE ? `[ ${b.label} ↗ ${b.url} ]` : `[ ${b.label} ]`));
    lines.push(`  ${buttons.join(' ')}`);
  }
  return lines.join('\n');
}
