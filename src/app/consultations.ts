/**
 * Written consultation: the secretariat opens and closes one; a member's focal point answers. A
 * member's execution cannot write the protected tabs, so an answer goes to the inbox (the document's
 * properties in Sheets) and an execution of the secretariat (the tick, a close, its own answer) moves
 * it into Answers under the lock. The mail goes through deliver(), exactly once.
 */
import {
  agenciesOf,
  askedAgencies,
  consultationNamed,
  inboxKey,
  INBOX_PREFIX,
  parseInboxAnswer,
  isFocalPoint,
  latestAnswers,
  MIN_WORKING_DAYS,
  outcomeOf,
  workingDaysUntil,
  type InboxAnswer,
} from '../domain/consultations';
import type { IsoDay } from '../domain/dates';
import { columnCells, nextId } from '../domain/ids';
import type { Network } from '../domain/network';
import {
  AnswerConsultationSchema,
  CloseConsultationSchema,
  OpenConsultationSchema,
  WithdrawConsultationSchema,
  type AnswerConsultationInput,
  type AnswerConsultationResult,
  type CloseConsultationResult,
  type DecisionDraft,
  type OpenConsultationResult,
  type SendConsultationsResult,
  type WithdrawConsultationResult,
} from '../domain/rpc';
import { isActiveOn } from '../domain/membership';
import { isSecretariat } from '../domain/secretariat';
import {
  AnswersTable,
  ConsultationsTable,
  FocalPointsTable,
  LogTable,
  MembersTable,
  SettingsTable,
  type Consultation,
} from '../domain/tables';
import { t } from '../domain/i18n';
import { keyOf } from '../domain/words';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { EVENTS } from '../domain/email/ledger';
import { deliver, describeDelivery, type DeliveryPorts } from './deliver';
import { readNetwork } from './network';
import { describeSkipped, withLockedTabs, type LockedTabs } from './repository';

/** The Log events of consultations that are not mail (the mail's are in ledger.ts's EVENTS). */
// @i18n-exempt: the Log's Event values, which the add-on matches whatever the language (WORKBOOK.md)
export const CONSULTATION_EVENTS = {
  opened: 'Consultation opened',
  closed: 'Consultation closed',
  answered: 'Answer recorded',
  withdrawn: EVENTS.withdrawn,
} as const;

const TABS = [SettingsTable, MembersTable, FocalPointsTable, ConsultationsTable, AnswersTable, LogTable] as const;

/** What an answer needs: who the user is (and whether secretariat), and the consultation. */
const ANSWER_TABS = [SettingsTable, MembersTable, FocalPointsTable, ConsultationsTable] as const;

type UpkeepPorts = Pick<Ports, 'workbook' | 'clock' | 'user' | 'inbox'>;

function refused(...errors: string[]): { ok: false; errors: string[] } {
  return { ok: false, errors };
}

/**
 * "deadline: …": the form shows a refusal that starts with one of its fields' names beside that field,
 * so the name stays as the code spells it, whatever the language of the message.
 */
function fieldError(field: string, message: string): string {
  return `${field}: ${message}`;
}

function shapeErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => fieldError(String(i.path[0] ?? t('app.consultation.the-request')), i.message));
}

/**
 * Moves the inbox's answers into Answers (tabs read under this lock, Answers and Log among them), one
 * `Answer recorded` Log row each, flushed before they leave the inbox: a run killed in between leaves
 * them in the inbox, and the next run finds them in Answers already and only clears them.
 */
export function recordInboxAnswers(ports: UpkeepPorts, tabs: LockedTabs, network: Network): Network {
  // Without every column of Answers (and a Log) to write to, the answers wait in the inbox for Set up / repair workbook.
  if (network.answers.header === null || network.answers.header.missing.length > 0 || network.log.header === null)
    return network;
  const entries = ports.inbox.entries(INBOX_PREFIX);
  const keys = Object.keys(entries);
  if (keys.length === 0) return network;
  const recorded = new Set(network.answers.records.map((a) => inboxKey(a)));
  const fresh: InboxAnswer[] = [];
  for (const key of keys) {
    const parsed = parseInboxAnswer(entries[key]);
    if (parsed !== null && !recorded.has(inboxKey(parsed)) && !fresh.some((f) => inboxKey(f) === inboxKey(parsed)))
      fresh.push(parsed);
  }
  fresh.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  if (fresh.length > 0) {
    tabs.append(AnswersTable, fresh);
    const now = ports.clock.now();
    tabs.append(
      LogTable,
      fresh.map((a) => ({
        timestamp: now,
        actor: ports.user.email(),
        event: CONSULTATION_EVENTS.answered,
        ref: a.consultation,
        recipients: [],
        outcome: 'Done' as const,
        details: `${a.agency}: ${a.answer} (${a.answeredBy}, ${a.timestamp})`,
      })),
    );
    ports.workbook.flush();
  }
  ports.inbox.remove(keys);
  return fresh.length > 0 ? { ...network, answers: tabs.read(AnswersTable) } : network;
}

/**
 * When answers wait in the inbox and the user is the secretariat, records them (the sidebar opening):
 * the answers it shows and checks are then all in Answers. Costs one read of the inbox otherwise.
 */
export function recordWaitingAnswers(ports: UpkeepPorts & Pick<Ports, 'lock'>): void {
  if (Object.keys(ports.inbox.entries(INBOX_PREFIX)).length === 0) return;
  withLockedTabs(ports, (tabs) => {
    const { network } = tabs.readNetwork(TABS);
    if (isSecretariat(network, ports.user.email(), { owner: ports.user.owner(), today: ports.clock.today() }))
      recordInboxAnswers(ports, tabs, network);
  });
}

/** Closes one consultation in its row, under the lock: Status Closed, its outcome, Closed on today, and a Log row. */
function closeRow(
  ports: UpkeepPorts,
  tabs: LockedTabs,
  network: Network,
  c: Consultation,
  outcome: Consultation['outcome'],
  computed = outcome,
): void {
  const today = ports.clock.today();
  const notWritten = describeSkipped(
    ConsultationsTable,
    tabs.update(ConsultationsTable, [{ ...c, status: 'Closed', outcome, closedOn: today }]).skipped,
  );
  const answered = latestAnswers(network.answers.records).get(keyOf(c.id))?.size ?? 0;
  tabs.append(LogTable, [
    {
      timestamp: ports.clock.now(),
      actor: ports.user.email(),
      event: CONSULTATION_EVENTS.closed,
      ref: c.id,
      recipients: [],
      outcome: 'Done',
      details: t('app.consultation.closed', {
        outcome: outcome ?? '',
        overridden: computed === outcome ? 'no' : 'yes',
        computed: computed ?? '',
        answered,
        asked: askedAgencies(network, c).length,
        unwritten: notWritten.length === 0 ? 'no' : 'yes',
        cells: notWritten.join('; '),
      }),
    },
  ]);
}

/**
 * The tick's upkeep before it decides what is due: the inbox's answers recorded, then each open
 * `No objection` consultation whose deadline has passed closed with its outcome (an `Approval` one
 * waits for the secretariat, who may still gather approvals).
 */
export function consultationUpkeep(ports: UpkeepPorts, tabs: LockedTabs, read: Network): Network {
  const network = recordInboxAnswers(ports, tabs, read);
  const today = ports.clock.today();
  const due = network.consultations.records.filter(
    (c) => c.status === 'Open' && c.kind === 'No objection' && c.deadline < today,
  );
  if (due.length === 0) return network;
  const answers = latestAnswers(network.answers.records);
  for (const c of due)
    closeRow(
      ports,
      tabs,
      network,
      c,
      outcomeOf(c.kind, askedAgencies(network, c), answers.get(keyOf(c.id)) ?? new Map()),
    );
  return { ...network, consultations: tabs.read(ConsultationsTable) };
}

/** Opens a consultation: checked, then a `C-YYYY-NN` row with Status Open and its Log row, under the lock. */
export function openConsultation(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>,
  input: unknown,
): OpenConsultationResult {
  return withLockedTabs(ports, (tabs) => {
    const { network, grids } = tabs.readNetwork(TABS);
    requireSecretariat(ports, network, t('app.consultation.open-command'));
    const parsed = OpenConsultationSchema.safeParse(input);
    if (!parsed.success) return refused(...shapeErrors(parsed.error.issues));
    const value = parsed.data;
    const today = ports.clock.today();
    const errors: string[] = [];
    if (value.deadline <= today)
      errors.push(fieldError('deadline', t('app.consultation.deadline-past', { deadline: value.deadline, today })));
    else if (workingDaysUntil(today, value.deadline) < MIN_WORKING_DAYS && value.confirmShortDeadline !== true)
      errors.push(
        fieldError(
          'deadline',
          t('app.consultation.deadline-short', { deadline: value.deadline, days: MIN_WORKING_DAYS }),
        ),
      );
    const subject = (value.subject ?? '').trim();
    if (subject !== '') {
      const member = network.members.records.find((m) => keyOf(m.agency) === keyOf(subject));
      if (member === undefined) errors.push(fieldError('subject', t('app.consultation.subject-unknown', { subject })));
      else if (isActiveOn(member, today))
        errors.push(fieldError('subject', t('app.consultation.subject-active', { subject: member.agency })));
      // members.admission: under a unanimous rule every member must answer Approve, which silence never is.
      if (network.settings.admissionRule === 'unanimous' && value.kind !== 'Approval')
        errors.push(fieldError('kind', t('app.consultation.kind-unanimous')));
    }
    if (network.consultations.header === null || network.log.header === null)
      errors.push(t('app.consultation.no-header'));
    if (errors.length > 0) return refused(...errors);
    const id = nextId(
      ConsultationsTable,
      [
        ...columnCells(grids.Consultations, network.consultations.header?.index.get('id')),
        ...columnCells(grids.Log, network.log.header?.index.get('ref')),
      ],
      Number(today.slice(0, 4)),
    );
    const canonical =
      subject === ''
        ? ''
        : (network.members.records.find((m) => keyOf(m.agency) === keyOf(subject))?.agency.trim() ?? '');
    tabs.append(ConsultationsTable, [
      {
        id,
        openedOn: today,
        deadline: value.deadline,
        kind: value.kind,
        title: value.title,
        proposal: value.proposal,
        proposalLink: (value.proposalLink ?? '').trim(),
        subject: canonical,
        status: 'Open',
        outcome: null,
        closedOn: null,
        decision: '',
      },
    ]);
    const asked = askedAgencies(network, { openedOn: today });
    tabs.append(LogTable, [
      {
        timestamp: ports.clock.now(),
        actor: ports.user.email(),
        event: CONSULTATION_EVENTS.opened,
        ref: id,
        recipients: [],
        outcome: 'Done',
        details: t('app.consultation.opened', {
          kind: value.kind,
          title: value.title,
          deadline: value.deadline,
          asked: asked.join(', '),
        }),
      },
    ]);
    return { ok: true, id };
  });
}

/** The member the signed-in focal point answers for, or why they may not answer, in words. */
export function answeringAgency(
  network: Network,
  email: string,
  today: IsoDay,
): { agency: string } | { refusal: string } {
  const agency = agenciesOf(network, email, today)[0];
  if (agency !== undefined) return { agency };
  if (email === '') return { refusal: t('app.consultation.unknown-user') };
  return {
    refusal: isFocalPoint(network, email)
      ? t('app.consultation.inactive-member', { email })
      : t('app.consultation.not-focal-point', { email }),
  };
}

type AnswerPorts = Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'inbox'>;

/** The answer checked against the network as read, then put in the inbox (and recorded at once for the secretariat). */
function answerAs(ports: AnswerPorts, network: Network, value: AnswerConsultationInput): AnswerConsultationResult {
  const today = ports.clock.today();
  const email = ports.user.email().trim();
  const who = answeringAgency(network, email, today);
  if ('refusal' in who) return refused(who.refusal);
  const { agency } = who;
  const c = consultationNamed(network, value.id);
  if (c === undefined) return refused(t('app.consultation.unknown', { id: value.id }));
  if (c.status !== 'Open') return refused(t('app.consultation.not-open', { id: c.id, status: c.status.toLowerCase() }));
  if (today > c.deadline) return refused(t('app.consultation.too-late', { id: c.id, deadline: c.deadline, today }));
  if (!askedAgencies(network, c).some((a) => keyOf(a) === keyOf(agency)))
    return refused(t('app.consultation.not-asked', { agency, openedOn: c.openedOn, id: c.id }));
  const comment = (value.comment ?? '').trim();
  if (value.answer === 'Object' && comment === '')
    return refused(fieldError('comment', t('app.consultation.object-why')));
  const answer: InboxAnswer = {
    timestamp: ports.clock.now(),
    consultation: c.id,
    agency,
    answer: value.answer,
    comment,
    answeredBy: email,
  };
  ports.inbox.put(inboxKey(answer), JSON.stringify(answer));
  if (isSecretariat(network, email, { owner: ports.user.owner(), today }))
    withLockedTabs(ports, (tabs) => recordInboxAnswers(ports, tabs, tabs.readNetwork(TABS).network));
  return { ok: true };
}

/**
 * A member's answer, as its focal point signed in: the agency is the one whose active focal point has
 * the signed-in address, never a field of the input. Writes the inbox only; when the secretariat
 * answers, the answer moves into Answers at once.
 */
export function answerConsultation(ports: AnswerPorts, input: unknown): AnswerConsultationResult {
  const parsed = AnswerConsultationSchema.safeParse(input);
  if (!parsed.success) return refused(...shapeErrors(parsed.error.issues));
  return answerAs(ports, readNetwork(ports.workbook, ANSWER_TABS).network, parsed.data);
}

/** The decision a closed consultation drafts: Consulted = the members asked, Objections = those that objected. */
function draftOf(network: Network, c: Consultation): DecisionDraft {
  const asked = askedAgencies(network, c);
  const answers = latestAnswers(network.answers.records).get(keyOf(c.id)) ?? new Map();
  return {
    date: c.closedOn ?? c.deadline,
    meeting: '',
    kind: c.subject.trim() === '' ? 'General' : 'Admission',
    title: c.title,
    decision: c.proposal,
    subject: c.subject,
    consultation: c.id,
    consulted: asked,
    objections: asked.filter((a) => answers.get(keyOf(a))?.answer === 'Object'),
    outcome: c.outcome === 'Agreed' ? 'Adopted' : 'Not adopted',
  };
}

/**
 * Closes a consultation (secretariat): the inbox's answers first, then the outcome computed from them
 * (or the one given), then the outcome mail to the members. Before the deadline only once every member
 * asked has answered. A consultation closed already changes nothing and drafts its decision again.
 */
export function closeConsultation(ports: DeliveryPorts, input: unknown): CloseConsultationResult {
  const parsed = CloseConsultationSchema.safeParse(input);
  const result = withLockedTabs(ports, (tabs): CloseConsultationResult => {
    const read = tabs.readNetwork(TABS).network;
    requireSecretariat(ports, read, t('app.consultation.close-command'));
    if (!parsed.success) return refused(...shapeErrors(parsed.error.issues));
    const network = recordInboxAnswers(ports, tabs, read);
    const c = consultationNamed(network, parsed.data.id);
    if (c === undefined) return refused(t('app.consultation.unknown', { id: parsed.data.id }));
    if (c.status !== 'Open') return { ok: true, decisionDraft: draftOf(network, c), changed: false };
    const today = ports.clock.today();
    const asked = askedAgencies(network, c);
    const answers = latestAnswers(network.answers.records).get(keyOf(c.id)) ?? new Map();
    const silent = asked.filter((a) => !answers.has(keyOf(a)));
    if (today <= c.deadline && silent.length > 0)
      return refused(
        t('app.consultation.silent', {
          id: c.id,
          deadline: c.deadline,
          agencies: silent.join(', '),
          count: silent.length,
        }),
      );
    const computed = outcomeOf(c.kind, asked, answers);
    const outcome = parsed.data.outcome ?? computed;
    closeRow(ports, tabs, network, c, outcome, computed);
    return {
      ok: true,
      decisionDraft: draftOf(network, { ...c, status: 'Closed', outcome, closedOn: today }),
      changed: true,
    };
  });
  if (result.ok && result.changed)
    deliver(
      ports,
      { meetings: null, reminders: false, consultations: true },
      { authorize: (network) => requireSecretariat(ports, network, t('app.consultation.close-command')) },
    );
  return result;
}

/**
 * Withdraws an open consultation (secretariat): Status Withdrawn, Closed on today and a Log row with
 * the reason, then a short notice to the members, once, if the proposal had gone out. A consultation
 * no longer open changes nothing.
 */
export function withdrawConsultation(ports: DeliveryPorts, input: unknown): WithdrawConsultationResult {
  const parsed = WithdrawConsultationSchema.safeParse(input);
  const result = withLockedTabs(ports, (tabs): WithdrawConsultationResult => {
    const network = tabs.readNetwork(TABS).network;
    requireSecretariat(ports, network, t('app.consultation.withdraw-command'));
    if (!parsed.success) return refused(...shapeErrors(parsed.error.issues));
    const c = consultationNamed(network, parsed.data.id);
    if (c === undefined) return refused(t('app.consultation.unknown', { id: parsed.data.id }));
    if (c.status !== 'Open')
      return {
        ok: true,
        changed: false,
        lines: [t('app.consultation.already', { id: c.id, status: c.status.toLowerCase() })],
      };
    const notWritten = describeSkipped(
      ConsultationsTable,
      tabs.update(ConsultationsTable, [{ ...c, status: 'Withdrawn', outcome: null, closedOn: ports.clock.today() }])
        .skipped,
    );
    if (notWritten.length > 0) return refused(...notWritten);
    tabs.append(LogTable, [
      {
        timestamp: ports.clock.now(),
        actor: ports.user.email(),
        event: CONSULTATION_EVENTS.withdrawn,
        ref: c.id,
        recipients: [],
        outcome: 'Done',
        details: (parsed.data.reason ?? '').trim(),
      },
    ]);
    return { ok: true, changed: true, lines: [t('app.consultation.withdrawn', { id: c.id })] };
  });
  if (!result.ok || !result.changed) return result;
  const report = deliver(
    ports,
    { meetings: null, reminders: false, consultations: true },
    { authorize: (network) => requireSecretariat(ports, network, t('app.consultation.withdraw-command')) },
  );
  return { ...result, lines: [...result.lines, ...describeDelivery(report)] };
}

/**
 * "Send now" (secretariat): the consultations' mail that is due (proposals, reminders, outcomes,
 * notices) goes at once instead of at the next tick, through the same exactly-once delivery.
 */
export function sendConsultationsNow(ports: DeliveryPorts): SendConsultationsResult {
  const report = deliver(
    ports,
    { meetings: null, reminders: false, consultations: true },
    {
      authorize: (network) => requireSecretariat(ports, network, t('app.consultation.send-command')),
      prepare: (tabs, network) => consultationUpkeep(ports, tabs, network),
    },
  );
  return { ok: true, lines: describeDelivery(report) };
}
