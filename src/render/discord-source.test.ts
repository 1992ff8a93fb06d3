import { describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../test/fake-discord/limits.js';
import { buildExcerpt } from '../core/excerpt.js';
import type { SourceMeta } from '../core/types.js';
import { renderExcerptDiscord } from './discord-source.js';

const paragraphs = [1, 2, 3].map((n) => ({ n, text: `Paragraph ${n} ${'text '.repeat(900)}`, body: '' }));

describe('renderExcerptDiscord', () => {
  it('shows a source title with mentions and markdown as plain text', () => {
    const source: SourceMeta = { id: 'x-1', title: '**Bold** @everyone <@123456789012345678>' };
    const embed = renderExcerptDiscord(buildExcerpt(source, paragraphs, 2)!).embeds[0]!;
    expect(embed.title).toBe('[x-1 ¶2] \\*\\*Bold\\*\\* @\u200beveryone <\u200b@123456789012345678>');
  });

  it('stays within the 6,000 characters of an embed when the source details are long', () => {
    const source: SourceMeta = { id: 'x-1', title: 'T'.repeat(300), author: 'A'.repeat(3000), url: `https://example.com/${'u'.repeat(3000)}` };
    const reply = renderExcerptDiscord(buildExcerpt(source, paragraphs, 2)!);
    expect(checkMessageLimits(reply)).toEqual([]);
    expect(reply.embeds[0]!.description).toContain('**¶2** Paragraph 2 text');
  });
});
