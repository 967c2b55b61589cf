import type { TranscriptSegmentDocument, TranscriptSpeaker } from '../contract/call-document.ts';

/**
 * Transcript scripts of the sample calls. A million documents share these few frozen segment
 * arrays (like the tag sets), so transcripts cost no memory per call. Each AI script also
 * carries the title and summary the AI writes of the recording.
 */
export interface TranscriptScript {
  readonly segments: readonly TranscriptSegmentDocument[];
  readonly title: string;
  readonly summary: string;
}

type Line = readonly [atSec: number, speaker: TranscriptSpeaker, text: string];

function script(title: string, summary: string, lines: readonly Line[]): TranscriptScript {
  const segments = lines.map(([at_sec, speaker, text]) => Object.freeze({ at_sec, speaker, text }));
  return Object.freeze({ segments: Object.freeze(segments), title, summary });
}

/** AI conversations by how they ended. */
export const AI_SCRIPTS = {
  positive: [
    script('Appointment booked', 'The caller asked for the earliest slot; the assistant booked Tuesday 10:00 and sent a confirmation text.', [
      [0, 'ai', 'Hello, thanks for calling. How can I help you today?'],
      [4, 'client', 'Hi, I would like to book an appointment as soon as possible.'],
      [9.5, 'ai', 'The earliest slot is Tuesday at 10 am. Shall I book it for you?'],
      [14, 'client', 'Yes, Tuesday at ten works.'],
      [17.5, 'ai', 'Done. You will get a confirmation by text message shortly.'],
    ]),
    script('Quote accepted', 'The caller compared plans and accepted the mid-tier quote; follow-up e-mail with the paperwork requested.', [
      [0, 'ai', 'Hi, this is the virtual assistant. Are you calling about a quote?'],
      [3.5, 'client', 'Yes, I got one online and have a couple of questions.'],
      [8, 'ai', 'Of course. The plus plan includes everything in basic and priority support.'],
      [15, 'client', 'That sounds good, let us go with plus.'],
      [19, 'ai', 'Great, I will e-mail you the paperwork right away.'],
    ]),
  ],
  neutral: [
    script('Callback requested', 'The caller wanted details the assistant could not give and asked for a person to call back tomorrow morning.', [
      [0, 'ai', 'Hello, how can I help?'],
      [2.5, 'client', 'I need to talk to someone about my account details.'],
      [7, 'ai', 'I can arrange a callback from the team. When suits you?'],
      [11, 'client', 'Tomorrow morning, please.'],
    ]),
    script('Information provided', 'The caller asked about opening hours and prices; the assistant answered both and offered to book.', [
      [0, 'ai', 'Good afternoon, how may I help you?'],
      [3, 'client', 'What are your opening hours and how much is a first visit?'],
      [8.5, 'ai', 'We are open 8 to 6 on weekdays, and a first visit is 90 dollars.'],
      [14, 'client', 'Thanks, I will think about it.'],
    ]),
  ],
  negative: [
    script('Not interested', 'The caller said they were not interested and asked not to be contacted again.', [
      [0, 'ai', 'Hi, I am calling about the offer you requested last week.'],
      [4, 'client', 'I am not interested anymore, please do not call again.'],
      [8, 'ai', 'Understood, I have noted that. Have a good day.'],
    ]),
  ],
  absent: [
    script('Voicemail', 'The caller left a short voicemail asking for a call back.', [
      [0, 'client', 'Hi, this is a message for the office, please call me back when you can.'],
    ]),
  ],
} as const satisfies Record<'positive' | 'neutral' | 'negative' | 'absent', readonly TranscriptScript[]>;

/** Agent conversations and voicemail messages (no AI summary is written for these). */
export const AGENT_SCRIPTS: readonly TranscriptScript[] = [
  script('Agent call', 'An agent handled the call.', [
    [0, 'agent', 'Good morning, you are speaking with the front desk.'],
    [3, 'client', 'Hello, I am following up on my earlier request.'],
    [7.5, 'agent', 'Let me pull that up for you, one moment please.'],
    [21, 'agent', 'I see it here. Everything is in order, we will call you when it is ready.'],
    [27, 'client', 'Perfect, thank you.'],
  ]),
  script('Agent call', 'An agent handled the call.', [
    [0, 'agent', 'Hi, I am calling from the sales team about your enquiry.'],
    [4, 'client', 'Oh yes, I filled in the form yesterday.'],
    [8, 'agent', 'Do you have a few minutes to go through the options?'],
    [11.5, 'client', 'Sure, go ahead.'],
  ]),
];
