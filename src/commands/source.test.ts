import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionError } from '../core/errors.js';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { openAtStart } from '../ingest/prepare.js';
import { createLogger } from '../app/log.js';
import { codeBlock } from '../render/discord-source-views.js';
import { embedLength } from '../render/discord-kit.js';
import { source } from './source.js';
import { listSources, type SourceReply } from '../core/sources/source-views.js';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }, () => true) });
});
afterAll(() => ctx.close());

const run = (options: Record<string, string | number>) => source.run(ctx, options);
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionError);
    return (error as Error).message;
  }
  throw new Error('expected a QuestionError');
};
const expectKind = <K extends SourceReply['kind']>(reply: SourceReply, kind: K) => {
  expect(reply.kind).toBe(kind);
  return reply as Extract<SourceReply, { kind: K }>;
};

describe('/source with no option', () => {
  it('lists every source, oldest first, with its paragraph count', () => {
    const list = expectKind(run({}), 'list');
    expect(list.sources.map((s) => [s.id, s.author ?? null, s.date, s.paragraphCount])).toEqual([
      ['kharakov-2014', 'Varonica Kharakov', '2014-11', 21], ['gvs-2018', null, '2018-03', 12], ['aslam-2019', 'Sabah Aslam', '2019', 16],
      ['berger-2019', 'Martin Berger', '2019', 17], ['observer-2021', null, '2021-04', 32],
    ]);
    expect([list.page, list.pageCount, list.total]).toEqual([1, 1, 5]);
  });

  it('pages a long list, clamps the page, and gives buttons to the pages either side', () => {
    expect(listSources(ctx.sourceDeps, 2, 2).sources.map((s) => s.id)).toEqual(['aslam-2019', 'berger-2019']);
    expect(listSources(ctx.sourceDeps, 99, 2)).toMatchObject({ page: 3, pageCount: 3, sources: [{ id: 'observer-2021' }] });
    const buttons = source.renderDiscord(listSources(ctx.sourceDeps, 2, 2)).components[0]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['source:list:1', 'source:list:3']);
    expect(source.press!(ctx, ['list', '1'])).toMatchObject({ kind: 'list', page: 1 });
  });
});

describe('/source id:', () => {
  it('shows a source: metadata, the estimated date, what ingestion dropped, key terms', () => {
    const { source: gvs, keyTerms } = expectKind(run({ id: 'gvs-2018' }), 'source');
    expect(gvs).toMatchObject({ id: 'gvs-2018', publisher: 'Global Village Space', date: '2018-03', paragraphCount: 12, warnings: [] });
    expect(gvs.author).toBeUndefined();
    expect(gvs.dropped.map((d) => d.kind)).toEqual(['banner', 'page date', 'label', 'read more', 'read more', 'heading', 'repeat', 'repeat']);
    expect(keyTerms.slice(0, 4).map((t) => t.term)).toEqual(['bilateral cooperation', 'Islamic State', 'border', 'IS']);
    expect(source.renderText(run({ id: 'gvs-2018' }))).toContain('   Date:        c. March 2018 (not printed; inferred: reports the 2 March 2018 meeting as news;');
  });

  it('finds a source by any case of its id, or by its author or title when only one matches', () => {
    expect(expectKind(run({ id: 'GVS-2018' }), 'source').source.id).toBe('gvs-2018');
    expect(expectKind(run({ id: 'Martin Berger' }), 'source').source.id).toBe('berger-2019');
    expect(expectKind(run({ id: 'strategic path' }), 'source').source.id).toBe('observer-2021');
  });

  it('names the closest ids for an unknown one', () => {
    expect(failure(() => run({ id: 'gvs-2019' }))).toBe('There is no source "gvs-2019" in the library. Did you mean gvs-2018?');
    expect(failure(() => run({ id: 'smith' }))).toBe('There is no source "smith" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
  });

  it('suggests sources by id, title or author as the user types', () => {
    expect(source.autocomplete!(ctx, 'id', 'aslam')).toEqual([{ name: 'Growing Alliance Between Islamabad And Moscow (aslam-2019)', value: 'aslam-2019' }]);
    expect(source.autocomplete!(ctx, 'id', 'varonica').map((c) => c.value)).toEqual(['kharakov-2014']);
    expect(source.autocomplete!(ctx, 'id', '')).toHaveLength(5);
  });

  it('renders within Discord limits, with buttons to open ¶1 and each reference style', () => {
    const reply = source.renderDiscord(run({ id: 'kharakov-2014' }));
    expect(embedLength(reply.embeds[0]!)).toBeLessThanOrEqual(6000);
    expect(reply.embeds[0]!.fields!.every((f) => f.value.length <= 1024)).toBe(true);
    expect(reply.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'source:open:kharakov-2014:1', 'source:ref:kharakov-2014:apa', 'source:ref:kharakov-2014:mla', 'source:ref:kharakov-2014:chicago', 'source:ref:kharakov-2014:bibtex',
    ]);
  });
});

describe('/source cite:', () => {
  it.each(['[gvs-2018 ¶4]', 'gvs-2018 ¶ 4', 'GVS-2018 p4', 'gvs-2018#4', '[gvs-2018 para 4]', '(gvs-2018, ¶4)'])('opens %j with the paragraphs around it', (cite) => {
    const { excerpt } = expectKind(run({ cite }), 'excerpt');
    expect([excerpt.citation, excerpt.before?.n, excerpt.paragraph.n, excerpt.after?.n, excerpt.total]).toEqual(['[gvs-2018 ¶4]', 3, 4, 5, 12]);
  });

  it('keeps the source:open:<id>:<n> buttons that step to the paragraph before and after', () => {
    const reply = source.renderDiscord(run({ cite: '[gvs-2018 ¶4]' }));
    expect(reply.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['source:open:gvs-2018:3', 'source:open:gvs-2018:5']);
    expect(source.press!(ctx, ['open', 'gvs-2018', '5'])).toMatchObject({ kind: 'excerpt', excerpt: { citation: '[gvs-2018 ¶5]' } });
  });

  it('explains an unknown citation and offers the closest valid ones', () => {
    expect(failure(() => run({ cite: 'gvs-2018 ¶40' }))).toBe('gvs-2018 has no paragraph 40: its paragraphs are ¶1 to ¶12. Closest: [gvs-2018 ¶12], [gvs-2018 ¶11], [gvs-2018 ¶10].');
    expect(failure(() => run({ cite: 'gsv-2018 ¶4' }))).toBe('There is no source "gsv-2018" in the library. Closest: [gvs-2018 ¶4].');
    expect(failure(() => run({ cite: 'berger-2019' }))).toBe('"berger-2019" is a source, not a paragraph: add the paragraph number, e.g. [berger-2019 ¶1].');
    expect(failure(() => run({ cite: 'hello there' }))).toBe('"hello there" is not a citation: write it as the bot prints it, e.g. [gvs-2018 ¶4]. Closest: [kharakov-2014 ¶1], [gvs-2018 ¶1], [aslam-2019 ¶1].');
  });

  it('refuses id: and cite: together', () => {
    expect(failure(() => run({ id: 'gvs-2018', cite: 'gvs-2018 4' }))).toBe('Give id: to see a source or cite: to open a paragraph, not both.');
  });
});

describe('/source id: format:', () => {
  it('gives a reference in the chosen style, for an id or for the source of a citation', () => {
    expect(source.renderText(run({ id: 'berger-2019', format: 'apa' }))).toBe('Berger, M. (ca. 2019). Pakistan-Russia relations: From bitter enemies to geopolitical partners. New Eastern Outlook.');
    expect(source.renderText(run({ cite: '[gvs-2018 ¶4]', format: 'chicago' }))).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” Global Village Space, n.d., ca. March 2018.');
    expect(source.press!(ctx, ['ref', 'gvs-2018', 'mla'])).toMatchObject({ kind: 'reference', reference: { style: 'mla' } });
  });

  it('renders italics as markdown, and BibTeX in a bibtex code block', () => {
    expect(source.renderDiscord(run({ id: 'berger-2019', format: 'apa' })).embeds[0]!.description)
      .toBe('Berger, M. (ca. 2019). *Pakistan-Russia relations: From bitter enemies to geopolitical partners*. New Eastern Outlook.');
    const bibtex = source.renderDiscord(run({ id: 'gvs-2018', format: 'bibtex' })).embeds[0]!.description!;
    expect(bibtex.startsWith('```bibtex\n@misc{gvs-2018,\n')).toBe(true);
    expect(bibtex.endsWith('\n}\n```')).toBe(true);
  });

  it('refuses an unknown style, and format: without a source', () => {
    expect(failure(() => run({ id: 'gvs-2018', format: 'harvard' }))).toBe('There is no reference style "harvard": choose apa, mla, chicago, bibtex.');
    expect(failure(() => run({ format: 'apa' }))).toBe('format: needs a source: add id:, e.g. /source id: gvs-2018 format: apa');
  });
});

describe('codeBlock', () => {
  it('keeps any run of backticks in the text from closing the block', () => {
    const block = codeBlock('title = {a ``` b ```` c}', 'bibtex');
    expect(block.slice(3, -3)).not.toContain('```');
    expect(block).toBe('```bibtex\ntitle = {a `\u200b`\u200b` b `\u200b`\u200b`\u200b` c}\n```');
  });
});

describe('source list in Discord', () => {
  it('escapes markdown and mentions in titles', () => {
    const reply = source.renderDiscord({ kind: 'list', sources: [{ id: 'x', title: '*Bold* claims @everyone', paragraphCount: 1 }], page: 1, pageCount: 1, total: 1 });
    expect(reply.embeds[0]!.fields![0]!.name).toBe('x · \\*Bold\\* claims @\u200beveryone');
  });
});

describe('source buttons', () => {
  it('answers an unknown button with a sentence', () => {
    expect(failure(() => source.press!(ctx, ['zoom']))).toBe('This button is from an older version of the bot; run /source again.');
  });
});
