import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeline } from '../src/commands/timeline.js';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { answerLine } from '../src/cli/prompt.js';
import { createLogger } from '../src/app/log.js';
import { TOPIC_PREFIX } from '../src/render/discord-timeline.js';

let ctx: AppContext;
beforeAll(async () => {
  ctx = await openAtStart({ ...loadConfig({}), databasePath: ':memory:' }, { log: createLogger({ debug: false, quiet: true }) });
});
afterAll(() => ctx.close());

describe('/timeline', () => {
  it('answers at the local prompt as in Discord, filters included', async () => {
    expect(await answerLine(ctx, '/timeline topic: gas pipeline from: 2019')).toBe([
      'Timeline: 1 event about "gas pipeline", from 2019.',
      '',
      '2019',
      '  6 February 2019 — During a visit of the Russian delegation, headed by Gazprom, the Russian side',
      '    pledged an investment of $14 billion in offshore gas pipeline project. [observer-2021 ¶27]',
    ].join('\n'));
    expect(await answerLine(ctx, '/timeline from: 2020 to: 2014')).toBe('⚠ "from" (2020) is after "to" (2014).');
    expect(await answerLine(ctx, '/timeline source: nobody')).toBe('⚠ There is no source "nobody" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
  });

  it('keeps to the topic: "defence agreement" gives the 2014 agreement once, linked to the 2015 report, not every defence minister', () => {
    const { result } = timeline.run(ctx, { topic: 'defence agreement' });
    expect(result.events.map((e) => [e.date, e.citations.map((c) => c.citation).join(' '), e.conflict ?? null])).toEqual([
      ['2014', '[gvs-2018 ¶8] [observer-2021 ¶29]', 'sources differ: 2014 / 2015'],
      ['2014', '[berger-2019 ¶9]', null],
      ['2015', '[gvs-2018 ¶4]', 'sources differ: 2014 / 2015'],
      ['2018-02', '[gvs-2018 ¶4]', null],
    ]);
  });

  it('dates nothing from the page header gvs-2018 printed ("Saturday, April 13, 2024"), "Friendship 2017" or "now in its 17th year"', () => {
    const { result } = timeline.run(ctx, { source: 'gvs-2018' });
    expect(result.events.map((e) => e.date)).toEqual(['1980', '1989-02-15', '2003', '2014', '2015', '2017', '2018-02', '2018-03-02']);
    // The one 2017 is "Last year" in an article of March 2018, the sentence that names "Friendship 2017".
    expect(result.events.filter((e) => e.date === '2017').map((e) => [e.relative, e.resolvedFrom])).toEqual([[true, 'Last year']]);
  });

  it('turns pages with its buttons, the topic read back from the footer', () => {
    const first = timeline.renderDiscord(timeline.run(ctx, {}));
    const next = first.components[0]!.components[0] as { custom_id: string; label: string };
    expect([next.label, next.custom_id]).toEqual(['Later ▶', 'timeline:page:1:::']);
    const second = timeline.renderDiscord(timeline.press!(ctx, next.custom_id.split(':').slice(1), { footer: first.embeds[0]!.footer!.text }));
    expect(second.embeds[0]!.title).toMatch(/^Timeline \(page 2 of \d+\): 29 events$/);
    expect(second.embeds[0]!.description).not.toBe(first.embeds[0]!.description);

    const onTopic = timeline.press!(ctx, ['page', '0', '', '', ''], { footer: `${TOPIC_PREFIX}gas pipeline` });
    expect(onTopic.result.topic).toBe('gas pipeline');
    expect(onTopic.result.events.map((e) => e.date)).toEqual(['2018-09-27', '2019-02-06']);
  });

  it('refuses a button it does not know with a sentence', () => {
    expect(() => timeline.press!(ctx, ['more', '1'], {})).toThrow('This button is from an older version of the bot; run /timeline again.');
  });

  it('suggests sources for the source option', () => {
    expect(timeline.autocomplete!(ctx, 'source', 'observer')).toEqual([{ name: 'Pak-Russia relations on strategic path (observer-2021)', value: 'observer-2021' }]);
  });
});
