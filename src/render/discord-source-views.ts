import type { APIEmbed, APIButtonComponent } from 'discord.js';
import { formatCitation } from '../core/citation.js';
import { REFERENCE_STYLES, STYLE_NAMES, type Reference, type ReferenceStyle, type Span } from '../core/sources/reference.js';
import type { SourceDetails, SourceList, SourceReply } from '../core/sources/source-views.js';
import { renderExcerptDiscord } from './discord-source.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { dateLine, sourceLine } from './text-source.js';
import { BUTTON_STYLE, button, buttonRows, linkable, linkButton, type DiscordReply } from './discord-kit.js';

/** Reference styles as their buttons name them. */
export const STYLE_LABELS: Record<ReferenceStyle, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago', bibtex: 'BibTeX' };

/** Any /source reply as Discord embeds and buttons. */
export function renderSourceDiscord(reply: SourceReply): DiscordReply {
  switch (reply.kind) {
    case 'list':
      return renderListDiscord(reply);
    case 'source':
      return renderDetailsDiscord(reply);
    case 'excerpt':
      return renderExcerptDiscord(reply.excerpt);
    case 'reference':
      return renderReferenceDiscord(reply.reference);
  }
}

/** One page of the library: a field per source, buttons to the pages either side. */
function renderListDiscord(list: SourceList): DiscordReply {
  const embed: APIEmbed = {
    title: `The library: ${list.total} source${list.total === 1 ? '' : 's'}${list.pageCount > 1 ? ` · page ${list.page} of ${list.pageCount}` : ''}`,
    fields: list.sources.slice(0, L.fields).map((s) => ({
      name: truncate(escapeForDiscord(`${s.id} · ${s.title}`), L.fieldName),
      value: truncate(escapeForDiscord(sourceLine(s)), L.fieldValue),
    })),
    footer: { text: 'One source: /source id:<id> · a paragraph: /source cite:[id ¶n] · a reference: /source id:<id> format:apa' },
  };
  if (list.total === 0) embed.description = 'No sources yet: ingest some articles first.';
  const buttons: APIButtonComponent[] = [];
  if (list.page > 1) buttons.push(button(`◀ Page ${list.page - 1}`, `source:list:${list.page - 1}`, BUTTON_STYLE.secondary));
  if (list.page < list.pageCount) buttons.push(button(`Page ${list.page + 1} ▶`, `source:list:${list.page + 1}`, BUTTON_STYLE.secondary));
  return { embeds: [embed], components: buttonRows(buttons) };
}

/** A source's metadata, what ingestion did, its key terms; buttons to read it and to cite it. */
function renderDetailsDiscord({ source, keyTerms }: SourceDetails): DiscordReply {
  const field = (name: string, value: string, inline = false) => ({ name, value: truncate(escapeForDiscord(value), L.fieldValue), inline });
  const dropped = source.dropped.map((d) => `${d.kind}: ${truncate(d.text.replace(/\s+/g, ' '), 90)}`).join('\n');
  const url = linkable(source.url);
  const embed: APIEmbed = {
    title: truncate(source.title, L.title),
    ...(url ? { url } : {}),
    description: `Cited as ${formatCitation(source.id, 1)} to ${formatCitation(source.id, source.paragraphCount)} (${source.paragraphCount} paragraphs).`,
    fields: [
      field('Author', source.author ?? 'none named', true),
      field('Publisher', source.publisher ?? 'none named', true),
      field('Date', dateLine(source)),
      field('URL', source.url ?? 'unknown'),
      field('Key terms', keyTerms.length > 0 ? keyTerms.map((t) => t.term).join(', ') : 'none stand out'),
      field('Guessed at ingestion', source.warnings.length > 0 ? source.warnings.join('\n') : 'nothing: the file gives its metadata'),
      field(`Left out at ingestion (${source.dropped.length})`, dropped || 'nothing'),
    ],
    footer: { text: truncate(`Source id: ${source.id}`, L.footer) },
  };
  const buttons = [
    button('Open ¶1', `source:open:${source.id}:1`, BUTTON_STYLE.primary),
    ...REFERENCE_STYLES.map((style) => button(STYLE_LABELS[style], `source:ref:${source.id}:${style}`, BUTTON_STYLE.secondary)),
  ];
  return { embeds: [embed], components: buttonRows(buttons, url ? [linkButton('Read the article', url)] : []) };
}

/** The footer under references: what to check after pasting them. */
export function referenceFooter(style: ReferenceStyle): string {
  return style === 'bibtex' ? 'Copy the block into your .bib file.' : 'Italics as the style requires; check them after pasting.';
}

/** True for the footer of a reference reply: its style buttons switch the style in place. */
export function isReferenceFooter(footer: string | undefined): boolean {
  return REFERENCE_STYLES.some((style) => footer === referenceFooter(style));
}

/** References to paste: rich text with their italics, or BibTeX in a code block nothing can break out of. */
export function referencesMarkdown(references: Reference[]): string {
  const [first] = references;
  if (first?.style === 'bibtex') return codeBlock(references.map((r) => r.text).join('\n\n'), 'bibtex');
  return truncate(references.map((r) => spansToMarkdown(r.spans)).join('\n\n'), L.description);
}

/** A reference to paste, with buttons for the other styles (a reply beside the source card: see commands/source.ts). */
function renderReferenceDiscord(reference: Reference): DiscordReply {
  const embed: APIEmbed = {
    title: truncate(`${STYLE_NAMES[reference.style]} · ${reference.sourceId}`, L.title),
    description: referencesMarkdown([reference]),
    footer: { text: referenceFooter(reference.style) },
  };
  const others = REFERENCE_STYLES.filter((s) => s !== reference.style).map((s) => button(STYLE_LABELS[s], `source:ref:${reference.sourceId}:${s}`, BUTTON_STYLE.secondary));
  return { embeds: [embed], components: buttonRows(others) };
}

/** Escaped markdown for spans: italic runs between asterisks. */
export function spansToMarkdown(spans: Span[]): string {
  return spans.map((s) => (s.italic && s.text.trim() ? `*${escapeForDiscord(s.text)}*` : escapeForDiscord(s.text))).join('');
}

/**
 * A fenced code block that stays closed: any run of three or more backticks in the text gets
 * zero-width spaces between them, and the text is cut to fit the embed description.
 */
export function codeBlock(text: string, language: string): string {
  const fence = '```';
  const safe = text.replace(/`{3,}/g, (run) => run.split('').join('\u200b'));
  return `${fence}${language}\n${truncate(safe, L.description - fence.length * 2 - language.length - 2)}\n${fence}`;
}
