import { request } from '../api.ts';
import { DashboardCallDetailDocument, type DashboardCallDetailQuery, type DashboardCallLogQuery } from '../../generated/graphql.ts';
import { callSearch } from '../filters.ts';
import { el, formatNumber } from '../format.ts';
import type { DashboardState } from '../state.ts';

type LoggedCall = DashboardCallLogQuery['calls']['calls'][number];
type DetailedCall = DashboardCallDetailQuery['calls']['calls'][number];

/**
 * A chosen call's details: its recording flags, AI title and summary, transfers and transcript,
 * fetched for this call alone (by its telephony id within the log's own search).
 */
export async function showCallDetails(target: HTMLElement, call: LoggedCall, state: DashboardState): Promise<void> {
  target.replaceChildren(el('h3', {}, 'Call details'), el('p', { role: 'status' }, 'Loading…'));
  if (!call.uniqueId) {
    target.replaceChildren(el('h3', {}, 'Call details'), el('p', {}, `Call ${call.id} has no telephony id, so its recording and transcript cannot be looked up.`));
    return;
  }
  try {
    const answer = await request(DashboardCallDetailDocument, { search: { ...callSearch(state), uniqueIds: [call.uniqueId] } });
    const found = answer.calls.calls.find((c) => c.id === call.id);
    if (!found) throw new Error('the call is no longer in this search');
    target.replaceChildren(...describe(found, state));
  } catch (error) {
    target.replaceChildren(el('h3', {}, 'Call details'), el('p', { class: 'panel-status error', role: 'alert' }, `Could not load the call: ${(error as Error).message}`));
  }
}

function describe(call: DetailedCall, state: DashboardState): Node[] {
  const time = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: state.timezone, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
  const recording = !call.recordName
    ? 'none'
    : [call.recordName, call.isRecordReady ? 'ready' : 'not ready', call.isRecordBlocked ? 'blocked' : null, call.recordingExpired ? 'expired' : null].filter(Boolean).join(' · ');
  const entries: [string, string][] = [
    ['Call id', call.id],
    ['Started', time(call.timestamp)],
    ['Direction / status', `${call.type.toLowerCase()} / ${call.status.toLowerCase()}`],
    ['From → to', `${call.fromNumber ?? '–'} → ${call.toNumber ?? '–'}`],
    ['Campaign', call.campaign ?? '–'],
    ['Project', call.projectName ?? '–'],
    ['Talk / answer time', `${formatNumber(call.talkTime)} s / ${formatNumber(call.answerTime)} s`],
    ['Outcome', call.outcomeTag ?? '–'],
    ['Tags', call.tags.join(', ') || '–'],
    ['Recording', recording],
    ['Recall', call.recallDate ? time(call.recallDate) : '–'],
  ];
  if (call.aiRecordingTitle) entries.push(['AI title', call.aiRecordingTitle]);
  if (call.aiRecordingSummary) entries.push(['AI summary', call.aiRecordingSummary]);
  const nodes: Node[] = [el('h3', {}, 'Call details'), el('dl', { 'data-call-id': call.id }, ...entries.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]))];
  if (call.transfers?.length) {
    nodes.push(el('h3', {}, 'Transfers'), el('ul', {}, ...call.transfers.map((t) => el('li', {}, `${time(t.at)}: ${t.from} → ${t.to} (${t.type})`))));
  }
  nodes.push(el('h3', {}, 'Transcript'));
  nodes.push(call.transcripts?.length
    ? el('ol', { class: 'transcript', 'data-segments': call.transcripts.length }, ...call.transcripts.map((s) => el('li', {}, el('strong', {}, `${s.speaker.toLowerCase()} · ${formatNumber(s.atSec)} s: `), s.text)))
    : el('p', {}, 'No transcript for this call.'));
  return nodes;
}
