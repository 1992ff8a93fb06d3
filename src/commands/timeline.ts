import { QuestionError } from '../core/errors.js';
import { buildTimeline, MAX_TOPIC_LENGTH, type TimelineOptions, type TimelineResult } from '../core/timeline/timeline-query.js';
import { readTimelinePage, renderTimelineDiscord } from '../render/discord-timeline.js';
import { renderTimelineText } from '../render/text-timeline.js';
import type { AppContext } from '../app/context.js';
import { readSourceOption, suggestSources } from './source-option.js';
import { OPTION, optionalNumber, optionalString, slashCommand, type Command, type OptionValues } from './types.js';

/** The timeline and the page of it to show in Discord (the terminal shows it whole). */
export interface TimelineReply {
  result: TimelineResult;
  page: number;
}

/** Reads /timeline's options as the core takes them, the source named as every command reads it. */
function readTimelineOptions(ctx: AppContext, options: OptionValues): TimelineOptions {
  return { topic: optionalString(options.topic), from: optionalNumber(options.from), to: optionalNumber(options.to), sourceId: readSourceOption(ctx, options.source) };
}

/** `/timeline [topic:<words>] [from:<year>] [to:<year>] [source:<id>] [private:<bool>]` */
export const timeline = {
  data: slashCommand({
    name: 'timeline',
    description: 'The events the articles report, in order, with citations.',
    options: [
      { type: OPTION.string, name: 'topic', description: 'Only events about this (searched like /ask)', max_length: MAX_TOPIC_LENGTH },
      { type: OPTION.integer, name: 'from', description: 'Events from: only events in or after this year (of the event, not of publication)', min_value: 0, max_value: 9999 },
      { type: OPTION.integer, name: 'to', description: 'Events to: only events in or before this year (of the event, not of publication)', min_value: 0, max_value: 9999 },
      { type: OPTION.string, name: 'source', description: 'Only events this source reports: its id, the start of it, or words of its title or author', autocomplete: true },
      { type: OPTION.boolean, name: 'private', description: 'Only you see the timeline' },
    ],
  }),
  run: (ctx, options): TimelineReply => ({ result: buildTimeline(ctx.timelineDeps, readTimelineOptions(ctx, options)), page: 0 }),
  renderText: (reply) => renderTimelineText(reply.result),
  renderDiscord: (reply) => renderTimelineDiscord(reply.result, reply.page),
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value) : []),
  press: (ctx, args, message): TimelineReply => {
    const key = readTimelinePage(args, message.footer);
    if (!key) throw new QuestionError('This button is from an older version of the bot; run /timeline again.');
    return { result: buildTimeline(ctx.timelineDeps, { topic: key.topic, from: key.from, to: key.to, sourceId: key.source }), page: key.page };
  },
} satisfies Command<TimelineReply>;
