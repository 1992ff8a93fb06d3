import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionError } from '../core/errors.js';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { openAtStart } from '../ingest/prepare.js';
import { createLogger } from '../app/log.js';
import { embedLength } from '../render/discord-kit.js';
import { quoteCommand } from './quote.js';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }, () => true) });
});
afterAll(() => ctx.close());

const run = (text: string) => quoteCommand.run(ctx, { text });

describe('/quote', () => {
  it('finds a verbatim quotation and says where', () => {
    const result = run('“Russia has lifted its arms embargo on Pakistan”');
    expect(result).toMatchObject({ verdict: 'verbatim', matches: [{ citation: '[aslam-2019 ¶5]', text: 'Russia has lifted its arms embargo on Pakistan', differences: [] }] });
    expect(quoteCommand.renderText(result)).toBe('Verbatim: the quotation is word for word in [aslam-2019 ¶5].\n\n[aslam-2019 ¶5]\n   “Russia has lifted its arms embargo on Pakistan”');
  });

  it('finds a sentence an article repeats in each paragraph that has it, and a wholly repeated paragraph once', () => {
    expect(run('the vicious phenomenon of extremism and terrorism from the region').matches.map((m) => m.citation)).toEqual(['[gvs-2018 ¶3]', '[gvs-2018 ¶12]']);
    expect(run('Russia-Pakistan are working for a better foreign relations').matches.map((m) => m.citation)).toEqual(['[kharakov-2014 ¶1]']);
  });

  it('calls a slightly altered quotation close and shows the differences', () => {
    const result = run('It was during that year that Russia removed an arms embargo on Pakistan, paving the way for the two countries');
    expect(result.verdict).toBe('close');
    expect(result.matches[0]).toMatchObject({
      citation: '[berger-2019 ¶9]', differences: ['-lifted', '+removed'],
      text: 'It was during that year that Russia lifted an arms embargo on Pakistan, paving the way for the two countries',
    });
    expect(quoteCommand.renderText(result)).toContain('   Differences: -lifted  +removed\n');
    expect(quoteCommand.renderDiscord(result).embeds[0]!.fields![0]!.value).toBe(
      'It was during that year that Russia ~~lifted~~ **removed** an arms embargo on Pakistan, paving the way for the two countries',
    );
  });

  it('says a quotation appears nowhere, even one on the library\'s topic', () => {
    const result = run('Pakistan and Russia signed a treaty of eternal friendship in Lahore');
    expect(result).toEqual({ quote: 'Pakistan and Russia signed a treaty of eternal friendship in Lahore', verdict: 'absent', matches: [] });
    expect(quoteCommand.renderDiscord(result)).toMatchObject({ embeds: [{ title: 'Not in the library' }], components: [] });
  });

  it('refuses a quotation too short or too common to place', () => {
    expect(() => run('arms embargo')).toThrow(new QuestionError('Give at least 3 words of the quotation, as you plan to quote them.'));
    expect(() => run('to be or not to be')).toThrow(new QuestionError('The quotation has only common words ("of", "the", ...); give a longer stretch of it.'));
  });

  it('renders buttons that open each passage beside the reply, and stays within Discord limits', () => {
    const reply = quoteCommand.renderDiscord(run('Russia has lifted its arms embargo on Pakistan'));
    expect(reply.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['source:open:aslam-2019:5']);
    expect(reply.embeds[0]!.footer!.text).toBe('Asked: Russia has lifted its arms embargo on Pakistan');
    const paragraph = ctx.sources.getParagraph('kharakov-2014', 7)!.text;
    const altered = run(paragraph.replace('Russia', '@everyone **Russia**'));
    expect(altered.verdict).toBe('close');
    const embed = quoteCommand.renderDiscord(altered).embeds[0]!;
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(embed.fields!.every((f) => f.value.length <= 1024 && !f.value.includes('@everyone'))).toBe(true);
  });
});
