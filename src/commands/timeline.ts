import { SlashCommandBuilder } from 'discord.js';
import { QuestionError } from '../core/errors.js';
import { buildTimeline, MAX_TOPIC_LENGTH, type TimelineOptions, type TimelineResult } from '../core/timeline/timeline-query.js';
import { readTimelinePage, renderTimelineDiscord } from '../render/discord-timeline.js';
import { renderTimelineText } from '../render/text-timeline.js';
import { suggestSources } from './suggest.js';
import type { Command, OptionValues } from './types.js';

/** The timeline and the page of it to show in Discord (the terminal shows it whole). */
export interface TimelineReply {
  result: TimelineResult;
  page: number;
}

const optionalNumber = (value: OptionValues[string]) => (value === undefined || value === '' ? undefined : Number(value));
const optionalString = (value: OptionValues[string]) => (value === undefined || value === '' ? undefined : String(value));

/** Reads /timeline's options as the core takes them. */
export function readTimelineOptions(options: OptionValues): TimelineOptions {
  return { topic: optionalString(options.topic), from: optionalNumber(options.from), to: optionalNumber(options.to), sourceId: optionalString(options.source) };
}

/** `/timeline [topic:<words>] [from:<year>] [to:<year>] [source:<id>] [private:<bool>]` */
export const timeline = {
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('The events the articles report, in order, with citations.')
    .addStringOption((o) => o.setName('topic').setDescription('Only events about this (searched like /ask)').setMaxLength(MAX_TOPIC_LENGTH))
    .addIntegerOption((o) => o.setName('from').setDescription('Only events in or after this year').setMinValue(0).setMaxValue(9999))
    .addIntegerOption((o) => o.setName('to').setDescription('Only events in or before this year').setMinValue(0).setMaxValue(9999))
    .addStringOption((o) => o.setName('source').setDescription('Only events this source reports (type to search titles)').setAutocomplete(true))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the timeline')),
  run: (ctx, options): TimelineReply => ({ result: buildTimeline(ctx.timelineDeps, readTimelineOptions(options)), page: 0 }),
  renderText: (reply) => renderTimelineText(reply.result),
  renderDiscord: (reply) => renderTimelineDiscord(reply.result, reply.page),
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value) : []),
  press: (ctx, args, message): TimelineReply => {
    const key = readTimelinePage(args, message.footer);
    if (!key) throw new QuestionError('This button is from an older version of the bot; run /timeline again.');
    return { result: buildTimeline(ctx.timelineDeps, { topic: key.topic, from: key.from, to: key.to, sourceId: key.source }), page: key.page };
  },
} satisfies Command<TimelineReply>;
