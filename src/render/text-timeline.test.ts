import { describe, expect, it } from 'vitest';
import type { TimelineResult } from '../core/timeline/timeline-query.js';
import type { TimelineEvent } from '../core/timeline/timeline.js';
import { embedLength } from './discord-kit.js';
import { paginateTimeline, readTimelinePage, renderTimelineDiscord, TOPIC_PREFIX } from './discord-timeline.js';
import { DISCORD_LIMITS as L } from './limits.js';
import { eventLineParts, formatEventLine, renderTimelineText } from './text-timeline.js';

const cite = (sourceId: string, paragraph: number, date: string) => ({ sourceId, paragraph, citation: `[${sourceId} ¶${paragraph}]`, quote: 'q', date });

const AGREEMENT: TimelineEvent = {
  date: '2014-11', precision: 'month', summary: 'Shoigu and Asif signed a deal on *military* cooperation.', relative: true,
  resolvedFrom: 'on Thursday', note: 'the article is dated November 2014, so only the month is known',
  citations: [cite('kharakov-2014', 13, '2014-11'), cite('gvs-2018', 8, '2014')],
  conflict: 'sources differ: 2014 / 2015',
  conflictingCitations: [cite('gvs-2018', 4, '2015')],
};
const EXERCISE: TimelineEvent = {
  date: '2018-10-21', end: '2018-11-04', precision: 'day', summary: 'Both countries held a joint military exercise.', relative: false,
  citations: [cite('aslam-2019', 4, '2018-10-21/2018-11-04')],
};

describe('formatEventLine', () => {
  it('writes date — summary (how it was resolved) [citations], the conflict and the reports that date it otherwise', () => {
    expect(formatEventLine(eventLineParts(AGREEMENT))).toBe(
      '≈ November 2014 — Shoigu and Asif signed a deal on *military* cooperation. (resolved from "on Thursday": the article is dated ' +
      'November 2014, so only the month is known) [kharakov-2014 ¶13] [gvs-2018 ¶8] ⚠ sources differ: 2014 / 2015 — [gvs-2018 ¶4] (2015)');
    expect(formatEventLine(eventLineParts(EXERCISE))).toBe('21 October – 4 November 2018 — Both countries held a joint military exercise. [aslam-2019 ¶4]');
  });
});

describe('renderTimelineText', () => {
  it('prints what it shows, a heading per year and each line', () => {
    const text = renderTimelineText({ topic: 'defence', from: 2010, events: [AGREEMENT, EXERCISE] });
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Timeline: 2 events about "defence", from 2010.', '≈ marks a date resolved against the article\'s own date.', '', '2014',
      '  ≈ November 2014 — Shoigu and Asif signed a deal on *military* cooperation. (resolved from "on',
    ]);
    expect(text).toContain('\n2018\n  21 October – 4 November 2018 — Both countries held a joint military exercise. [aslam-2019 ¶4]');
  });

  it('says when nothing matches', () => {
    expect(renderTimelineText({ sourceId: 'gvs-2018', events: [] })).toBe('No dated events found (0 events, reported by gvs-2018).');
  });
});

describe('renderTimelineDiscord', () => {
  it('shows one compact line per event, the year in bold once per year, escaped, marked when resolved, the topic in the footer', () => {
    const reply = renderTimelineDiscord({ topic: 'defence', events: [AGREEMENT, { ...EXERCISE, date: '2014-12-01', end: '2014-12-05' }, EXERCISE] }, 0);
    expect(reply.embeds[0]).toMatchObject({
      title: 'Timeline: 3 events about "defence"',
      description: '- **2014** ≈ November — Shoigu and Asif signed a deal on \\*military\\* cooperation. *(resolved from "on Thursday": the ' +
        'article is dated November 2014, so only the month is known)* [kharakov-2014 ¶13] [gvs-2018 ¶8] ⚠ **sources differ: 2014 / 2015 — \\[gvs-2018 ¶4\\] (2015)**\n' +
        '- 1 December – 5 December — Both countries held a joint military exercise. [aslam-2019 ¶4]\n' +
        '- **2018** 21 October – 4 November — Both countries held a joint military exercise. [aslam-2019 ¶4]\n' +
        '-# ≈ a date resolved against the article\'s own date',
      footer: { text: 'Topic: defence' },
    });
    expect(reply.components).toEqual([]);
  });

  it('links every citation to its source, the reports named by a conflict too', () => {
    const reply = renderTimelineDiscord({ events: [AGREEMENT], sourceUrls: { 'gvs-2018': 'https://gvs.example/a' } }, 0);
    expect(reply.embeds[0]!.description).toContain('[kharakov-2014 ¶13] \\[[gvs-2018 ¶8](https://gvs.example/a)\\] ⚠ **sources differ: 2014 / 2015 — \\[[gvs-2018 ¶4](https://gvs.example/a)\\] (2015)**');
  });

  it('pages a long timeline within Discord\'s limits, with buttons that carry the filters and fit 100 characters', () => {
    const events = Array.from({ length: 120 }, (_, i): TimelineEvent => ({
      ...EXERCISE, date: `${1900 + Math.floor(i / 3)}`, precision: 'year', end: undefined,
      summary: `Event ${i} @everyone ${'with a long summary that goes on '.repeat(8)}`,
      citations: Array.from({ length: 9 }, (__, k) => cite(`source-with-a-long-id-${k}`, k + 1, `${1900 + Math.floor(i / 3)}`)),
    }));
    const source = 'a'.repeat(64);
    const result: TimelineResult = { topic: 't'.repeat(200), from: 1900, to: 1999, sourceId: source, events };
    const pages = paginateTimeline(result);
    expect(pages.length).toBeGreaterThan(5);
    for (let page = 0; page < pages.length; page++) {
      const reply = renderTimelineDiscord(result, page);
      const embed = reply.embeds[0]!;
      expect(embed.description!.length).toBeLessThanOrEqual(L.description);
      expect(embedLength(embed)).toBeLessThanOrEqual(L.totalEmbedText);
      expect(embed.description).not.toContain('@everyone');
      expect(embed.description).toContain('+3 more');
      for (const row of reply.components) for (const b of row.components) expect((b as { custom_id: string }).custom_id.length).toBeLessThanOrEqual(L.customId);
    }
    const middle = renderTimelineDiscord(result, 1);
    expect(middle.components[0]!.components.map((b) => (b as { custom_id: string }).custom_id)).toEqual([
      `timeline:page:0:1900:1999:${source}`, `timeline:page:2:1900:1999:${source}`,
    ]);
    expect(middle.embeds[0]!.title!.startsWith(`Timeline (page 2 of ${pages.length}):`)).toBe(true);
    expect(renderTimelineDiscord(result, 999).embeds[0]!.title).toContain(`page ${pages.length} of ${pages.length}`);
  });

  it('keeps a page to eight events, and names the year again on a page that starts within it', () => {
    const events = Array.from({ length: 20 }, (_, i): TimelineEvent => ({ ...EXERCISE, summary: `Exercise ${i}.` }));
    const pages = paginateTimeline({ events });
    expect(pages.map((page) => page.split('\n').length)).toEqual([8, 8, 4]);
    expect(pages.map((page) => page.split('\n').filter((line) => line.startsWith('- **2018**')).length)).toEqual([1, 1, 1]);
    expect(pages[1]!.split('\n')[0]).toBe('- **2018** 21 October – 4 November — Exercise 8. [aslam-2019 ¶4]');
  });

  it('links each citation to its source\'s page when the source has one', () => {
    const reply = renderTimelineDiscord({ events: [EXERCISE], sourceUrls: { 'aslam-2019': 'https://example.com/a_(b)' } }, 0);
    expect(reply.embeds[0]!.description).toBe('- **2018** 21 October – 4 November — Both countries held a joint military exercise. \\[[aslam-2019 ¶4](https://example.com/a_%28b%29)\\]');
  });

  it('escapes the topic in the title and keeps it as typed in the footer', () => {
    const embed = renderTimelineDiscord({ topic: '*bold* @here', events: [EXERCISE] }, 0).embeds[0]!;
    expect([embed.title, embed.footer!.text]).toEqual(['Timeline: 1 event about "\\*bold\\* @\u200bhere"', 'Topic: *bold* @here']);
  });

  it('says so when nothing matches', () => {
    expect(renderTimelineDiscord({ events: [] }, 0).embeds[0]).toMatchObject({
      title: 'Timeline: 0 events', description: 'No dated events match. Try another topic, wider years, or no source filter.', footer: { text: 'All topics' },
    });
  });
});

describe('readTimelinePage', () => {
  it('reads a page button back into the page, filters and the footer\'s topic', () => {
    expect(readTimelinePage(['page', '2', '1900', '', 'gvs-2018'], `${TOPIC_PREFIX}defence agreement`)).toEqual({
      page: 2, from: 1900, to: undefined, source: 'gvs-2018', topic: 'defence agreement',
    });
    expect(readTimelinePage(['page', '0', '', '', ''], 'All topics')).toEqual({ page: 0, from: undefined, to: undefined, source: undefined });
  });

  it('returns undefined for a button it does not know', () => {
    expect(readTimelinePage(['more', '2'], undefined)).toBeUndefined();
    expect(readTimelinePage(['page', 'x'], undefined)).toBeUndefined();
  });
});
