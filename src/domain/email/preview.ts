/**
 * What the "Circulate minutes now" dialog shows before anything goes out, and what its confirmation
 * carries back. Plain JSON both ways (google.script.run carries nothing else), parsed with these
 * schemas on both sides.
 */
import * as z from 'zod/mini';
import { lazily } from '../lazy';
import type { Located } from '../codec';
import type { Meeting } from '../tables';
import { keyOf } from '../words';
import type { Job } from './due';
import { meetingTitle } from './minutes';

export const PreviewMessageSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    /** "the minutes of M-2026-05 to the members". */
    what: z.string(),
    to: z.array(z.string()),
    replyTo: z.string(),
    subject: z.string(),
    /** The HTML body exactly as it will be sent (every sheet text in it escaped). */
    html: z.string(),
  }),
);
export type PreviewMessage = z.infer<typeof PreviewMessageSchema>;

export const PreviewMeetingSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    date: z.string(),
    messages: z.array(PreviewMessageSchema),
  }),
);
export type PreviewMeeting = z.infer<typeof PreviewMeetingSchema>;

export const CirculationPreviewSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    networkName: z.string(),
    /** Whose account the messages go from: the user confirming. */
    sender: z.string(),
    /** Recipients the sender may still email today. */
    quota: z.int(),
    meetings: z.array(PreviewMeetingSchema),
    blocked: z.array(z.object({ ref: z.string(), reason: z.string() })),
    /** Why the user may not circulate, in words to show them; '' when they may. */
    refusal: z.string(),
  }),
);
export type CirculationPreview = z.infer<typeof CirculationPreviewSchema>;

/** The confirmation: the meetings the person saw and agreed to send. */
export const CirculationRequestSchema = /* @__PURE__ */ lazily(() =>
  z.object({ meetings: z.array(z.string().check(z.minLength(1))) }),
);
export type CirculationRequest = z.infer<typeof CirculationRequestSchema>;

export const CirculationResultSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    sent: z.int(),
    /** What happened, one line each, for the dialog to show. */
    lines: z.array(z.string()),
  }),
);
export type CirculationResult = z.infer<typeof CirculationResultSchema>;

/** The due jobs grouped by meeting, in the order they would go. */
export function previewMeetings(meetings: readonly Located<Meeting>[], jobs: readonly Job[]): PreviewMeeting[] {
  const out: PreviewMeeting[] = [];
  for (const job of jobs) {
    const meeting = meetings.find((m) => keyOf(m.id) === keyOf(job.ref));
    if (meeting === undefined || job.messages.length === 0) continue;
    let entry = out.find((p) => p.id === meeting.id);
    if (entry === undefined) {
      entry = { id: meeting.id, title: meetingTitle(meeting), date: meeting.date, messages: [] };
      out.push(entry);
    }
    for (const m of job.messages)
      entry.messages.push({ what: job.what, to: [...m.to], replyTo: m.replyTo, subject: m.subject, html: m.html });
  }
  return out;
}
