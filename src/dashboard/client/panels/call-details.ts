import type { DashboardCallLogQuery } from '../../generated/graphql.ts';
import { el, formatNumber } from '../format.ts';
import type { DashboardState } from '../state.ts';

type LoggedCall = DashboardCallLogQuery['calls']['calls'][number];

/** What the log knows of a call, shown as a description list. */
export async function showCallDetails(target: HTMLElement, call: LoggedCall, state: DashboardState): Promise<void> {
  const entries: [string, string][] = [
    ['Call id', call.id],
    ['Unique id', call.uniqueId ?? '–'],
    ['Started', new Intl.DateTimeFormat('en-CA', { timeZone: state.timezone, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(call.timestamp))],
    ['Direction', call.type.toLowerCase()],
    ['Status', call.status.toLowerCase()],
    ['Talk time', `${formatNumber(call.talkTime)} s`],
    ['Answer time', `${formatNumber(call.answerTime)} s`],
    ['Tags', call.tags.join(', ') || '–'],
    ['Transcript', call.hasTranscript ? 'yes' : 'no'],
  ];
  target.replaceChildren(el('h3', {}, 'Call details'), el('dl', {}, ...entries.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])));
}
