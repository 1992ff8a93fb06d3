import { QuestionError } from '../core/errors.js';
import { REFERENCE_STYLES, STYLE_NAMES } from '../core/sources/reference.js';
import { ASKED_PREFIX } from '../render/discord-ask.js';
import { isReferenceFooter, renderSourceDiscord } from '../render/discord-source-views.js';
import { renderSourceText } from '../render/text-source.js';
import { describeSource, listSources, openCitation, referenceFor, type SourceReply } from '../core/sources/source-views.js';
import { suggestSources } from './source-option.js';
import { OPTION, optionalString as text, slashCommand, type Command } from './types.js';

/**
 * `/source` lists the library; `id:` shows one source; `cite:` opens a paragraph in context;
 * `id:` (or `cite:`) with `format:` gives a reference to paste.
 */
export const source = {
  data: slashCommand({
    name: 'source',
    description: 'The library, one source, a cited paragraph, or a reference to paste.',
    options: [
      { type: OPTION.string, name: 'id', description: 'A source: its id, the start of it, or words of its title or author', autocomplete: true, max_length: 100 },
      { type: OPTION.string, name: 'cite', description: 'A citation as the bot prints it, e.g. [gvs-2018 ¶4]', max_length: 100 },
      { type: OPTION.string, name: 'format', description: 'A reference to paste, in this style (with id:)',
        choices: REFERENCE_STYLES.map((style) => ({ name: STYLE_NAMES[style].split(' (')[0]!, value: style })) },
      { type: OPTION.integer, name: 'page', description: 'Page of the library list', min_value: 1, max_value: 1000 },
      { type: OPTION.boolean, name: 'private', description: 'Only you see the reply' },
    ],
  }),
  run: (ctx, options): SourceReply => {
    const [id, cite, format] = [text(options.id), text(options.cite), text(options.format)];
    if (format !== undefined) {
      if (id === undefined && cite === undefined) throw new QuestionError('format: needs a source: add id:, e.g. /source id: gvs-2018 format: apa');
      return referenceFor(ctx.sourceDeps, id ?? openCitation(ctx.sourceDeps, cite!).source.id, format);
    }
    if (id !== undefined && cite !== undefined) throw new QuestionError('Give id: to see a source or cite: to open a paragraph, not both.');
    if (cite !== undefined) return { kind: 'excerpt', excerpt: openCitation(ctx.sourceDeps, cite) };
    if (id !== undefined) return describeSource(ctx.sourceDeps, id);
    return listSources(ctx.sourceDeps, Number(options.page ?? 1));
  },
  renderText: renderSourceText,
  renderDiscord: renderSourceDiscord,
  autocomplete: (ctx, option, value) => (option === 'id' ? suggestSources(ctx, value) : []),
  press: (ctx, args): SourceReply => {
    const [action, first, second] = args;
    if (action === 'open' && first && second) return { kind: 'excerpt', excerpt: openCitation(ctx.sourceDeps, `${first} ${second}`) };
    if (action === 'list') return listSources(ctx.sourceDeps, Number(first) || 1);
    if (action === 'show' && first) return describeSource(ctx.sourceDeps, first);
    if (action === 'ref' && first && second) return referenceFor(ctx.sourceDeps, first, second);
    throw new QuestionError('This button is from an older version of the bot; run /source again.');
  },
  // Open from an answer or a quotation check reads the paragraph beside them; a reference opens
  // beside the source card, and a style button on a reference switches it in place.
  opensBeside: ([action], { footer }) => (action === 'open' && footer?.startsWith(ASKED_PREFIX) === true) || (action === 'ref' && !isReferenceFooter(footer)),
} satisfies Command<SourceReply>;
