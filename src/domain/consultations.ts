/**
 * Written consultation (WORKBOOK.md's Consultations and Answers): who is asked, which answer of each
 * agency counts, what the outcome is, and the inbox entries through which a member's execution (which
 * cannot write the protected Answers tab) hands its answer to the secretariat's next one.
 */
import * as z from 'zod/mini';
import { lazily } from './lazy';
import type { Located } from './codec';
import { addDays, daysBetween, type IsoDay } from './dates';
import { isActiveOn } from './membership';
import type { Network } from './network';
import { ANSWERS } from './choices';
import type { Answer, Consultation, ConsultationsTable, RecordOf } from './tables';
import { emailKey, keyOf } from './words';

/** A deadline closer than this many working days (Monday to Friday) needs the secretariat's confirmation. */
export const MIN_WORKING_DAYS = 3;

/** Monday to Friday days after `from`, up to and including `to`. */
export function workingDaysUntil(from: IsoDay, to: IsoDay): number {
  let n = 0;
  for (let i = 1; i <= daysBetween(from, to); i++) {
    const weekday = new Date(`${addDays(from, i)}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

/** The members asked: every member active on the opening day, in register order. */
export function askedAgencies(network: Network, consultation: Pick<Consultation, 'openedOn'>): string[] {
  return network.members.records.filter((m) => isActiveOn(m, consultation.openedOn)).map((m) => m.agency.trim());
}

/** By consultation, then agency (both by keyOf): the answer with the latest Timestamp (the lower row when two tie). */
export function latestAnswers(records: readonly Located<Answer>[]): Map<string, Map<string, Located<Answer>>> {
  const out = new Map<string, Map<string, Located<Answer>>>();
  for (const a of records) {
    const c = keyOf(a.consultation);
    let byAgency = out.get(c);
    if (byAgency === undefined) out.set(c, (byAgency = new Map()));
    const agency = keyOf(a.agency);
    const earlier = byAgency.get(agency);
    if (earlier === undefined || earlier.timestamp <= a.timestamp) byAgency.set(agency, a);
  }
  return out;
}

export type Outcome = NonNullable<RecordOf<typeof ConsultationsTable>['outcome']>;

/**
 * `No objection`: agreed unless an asked member objected (silence is agreement). `Approval`: agreed
 * only when every asked member approved.
 */
export function outcomeOf(
  kind: Consultation['kind'],
  asked: readonly string[],
  answers: ReadonlyMap<string, { answer: string }>,
): Outcome {
  const answerOf = (agency: string) => answers.get(keyOf(agency))?.answer;
  if (kind === 'Approval')
    return asked.length > 0 && asked.every((a) => answerOf(a) === 'Approve') ? 'Agreed' : 'Not agreed';
  return asked.some((a) => answerOf(a) === 'Object') ? 'Not agreed' : 'Agreed';
}

/** The agencies whose active focal point has this address and which are active members on `day`. */
export function agenciesOf(network: Network, email: string, day: IsoDay): string[] {
  const key = emailKey(email);
  if (key === '') return [];
  const codes = new Set(
    network.focalPoints.records
      .filter((fp) => fp.active === true && emailKey(fp.email) === key)
      .map((fp) => keyOf(fp.agency)),
  );
  return network.members.records
    .filter((m) => codes.has(keyOf(m.agency)) && isActiveOn(m, day))
    .map((m) => m.agency.trim());
}

/** Whether the address is an active focal point of any member, active or not: to say why it is refused. */
export function isFocalPoint(network: Network, email: string): boolean {
  const key = emailKey(email);
  return key !== '' && network.focalPoints.records.some((fp) => fp.active === true && emailKey(fp.email) === key);
}

/** One answer waiting in the inbox: everything its Answers row will hold. */
export const InboxAnswerSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    timestamp: z.string(),
    consultation: z.string(),
    agency: z.string(),
    answer: z.enum(ANSWERS),
    comment: z.string(),
    answeredBy: z.string(),
  }),
);
export type InboxAnswer = z.infer<typeof InboxAnswerSchema>;

/** An inbox entry's answer, or null when it cannot be read (written by another version, or by hand). */
export function parseInboxAnswer(text: string | undefined): InboxAnswer | null {
  try {
    const parsed = InboxAnswerSchema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The inbox keys of answers start with this; the rest of the document's properties are not answers. */
export const INBOX_PREFIX = 'unmn.answer|';

/** One key per answer given: a later answer of the same agency is a new entry, as it is a new row of Answers. */
export function inboxKey(answer: Pick<InboxAnswer, 'consultation' | 'agency' | 'timestamp'>): string {
  return `${INBOX_PREFIX}${keyOf(answer.consultation)}|${keyOf(answer.agency)}|${answer.timestamp}`;
}

/** The consultation of that ID, found by keyOf. */
export function consultationNamed(network: Network, id: string): Located<Consultation> | undefined {
  return network.consultations.records.find((c) => keyOf(c.id) === keyOf(id));
}
