/**
 * The mail of a written consultation: the proposal to each member, the reminder to those that have
 * not answered, and the outcome to all. Everything the sheet says goes through the block renderer,
 * which escapes it.
 */
import type { Located } from '../codec';
import { daysBetween, type IsoDay } from '../dates';
import type { Network } from '../network';
import type { Answer, Consultation } from '../tables';
import { t } from '../i18n';
import { keyOf } from '../words';
import { compose, networkName, type Composed } from './minutes';
import { longDay, type Block, type Fact } from './render';

/** The procedure's kind as the messages' `select` names it: whether silence agrees. */
function kindOf(c: Consultation): string {
  return c.kind === 'No objection' ? 'silence' : 'approval';
}

function silenceMeans(c: Consultation): string {
  return t('email.consultation.silence', { kind: kindOf(c) });
}

function facts(c: Consultation, today: IsoDay): Fact[] {
  const days = daysBetween(today, c.deadline);
  const when = t('email.consultation.when', { days: Math.max(0, days) });
  return [
    { label: t('email.fact.consultation'), value: c.id },
    { label: t('email.fact.kind'), value: c.kind },
    { label: t('email.fact.deadline'), value: t('email.consultation.deadline', { date: longDay(c.deadline), when }) },
    ...(c.subject.trim() === '' ? [] : [{ label: t('email.fact.subject'), value: c.subject.trim() }]),
    ...(c.proposalLink.trim() === ''
      ? []
      : [{ label: t('email.fact.proposal'), value: c.proposalLink.trim(), href: c.proposalLink.trim() }]),
  ];
}

function asking(c: Consultation, today: IsoDay): Block[] {
  return [
    { kind: 'facts', facts: facts(c, today) },
    { kind: 'heading', text: c.title },
    { kind: 'paragraph', text: c.proposal },
    { kind: 'paragraph', text: silenceMeans(c) },
    { kind: 'paragraph', text: t('email.consultation.how-to-answer') },
  ];
}

/** To one member's focal points: what is asked, by when, what silence means and how to answer. */
export function proposalMessage(network: Network, c: Consultation, agency: string, today: IsoDay): Composed {
  return compose(
    network,
    t('email.consultation.proposal-subject', {
      network: networkName(network),
      id: c.id,
      title: c.title,
      date: longDay(c.deadline),
    }),
    [
      { kind: 'paragraph', text: t('email.greeting.agency', { agency }) },
      { kind: 'paragraph', text: t('email.consultation.proposal-intro') },
      ...asking(c, today),
    ],
  );
}

/** To a member that has not answered yet, once, days before the deadline. */
export function consultationReminderMessage(
  network: Network,
  c: Consultation,
  agency: string,
  today: IsoDay,
): Composed {
  const subject = t('email.consultation.reminder-subject', {
    network: networkName(network),
    id: c.id,
    title: c.title,
    date: longDay(c.deadline),
  });
  return compose(network, subject, [
    { kind: 'paragraph', text: t('email.greeting.agency', { agency }) },
    { kind: 'paragraph', text: t('email.consultation.reminder-intro', { agency, id: c.id }) },
    ...asking(c, today),
  ]);
}

/** To all members: the outcome, and who answered what (silence shown as such). */
export function outcomeMessage(
  network: Network,
  c: Consultation,
  asked: readonly string[],
  answers: ReadonlyMap<string, Located<Answer>>,
): Composed {
  const outcome = c.outcome ?? 'Not agreed';
  const rows = asked.map((agency) => {
    const a = answers.get(keyOf(agency));
    return [agency, a?.answer ?? t('email.consultation.no-answer', { kind: kindOf(c) }), a?.comment ?? ''];
  });
  const subject = t('email.consultation.outcome-subject', {
    network: networkName(network),
    id: c.id,
    title: c.title,
    outcome,
  });
  return compose(network, subject, [
    { kind: 'paragraph', text: t('email.greeting.all') },
    {
      kind: 'paragraph',
      text: t('email.consultation.outcome-intro', {
        id: c.id,
        title: c.title,
        date: longDay(c.closedOn ?? c.deadline),
        outcome,
        silence: silenceMeans(c),
      }),
    },
    {
      kind: 'table',
      headers: [t('email.column.member'), t('email.column.answer'), t('email.column.comment')],
      rows,
    },
  ]);
}

/** To all members, once, when the Secretariat withdraws a consultation whose proposal went out. */
export function withdrawalMessage(network: Network, c: Consultation, reason: string): Composed {
  const subject = t('email.consultation.withdrawal-subject', {
    network: networkName(network),
    id: c.id,
    title: c.title,
  });
  return compose(network, subject, [
    { kind: 'paragraph', text: t('email.greeting.all') },
    {
      kind: 'paragraph',
      text: t('email.consultation.withdrawal-intro', {
        id: c.id,
        title: c.title,
        date: longDay(c.closedOn ?? c.deadline),
      }),
    },
    ...(reason.trim() === ''
      ? []
      : [{ kind: 'paragraph' as const, text: t('email.consultation.withdrawal-reason', { reason: reason.trim() }) }]),
  ]);
}
