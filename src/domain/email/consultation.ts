/**
 * The mail of a written consultation: the proposal to each member, the reminder to those that have
 * not answered, and the outcome to all. Everything the sheet says goes through the block renderer,
 * which escapes it.
 */
import type { Located } from '../codec';
import { daysBetween, type IsoDay } from '../dates';
import type { Network } from '../network';
import type { Answer, Consultation } from '../tables';
import { keyOf, plural } from '../words';
import { compose, networkName, type Composed } from './minutes';
import { longDay, type Block, type Fact } from './render';

/** The menu path a focal point follows to answer. */
export const HOW_TO_ANSWER =
  'To answer, open the Network\'s spreadsheet, then the add-on\'s menu (Extensions), then "Answer a consultation…": Approve, No objection, Object (with your reason) or Abstain.';

function silenceMeans(c: Consultation): string {
  return c.kind === 'No objection'
    ? 'This is a no-objection procedure: a member that has not objected by the deadline is taken to agree.'
    : 'This is a call for approval: the proposal is agreed only if every member approves it; silence is not approval.';
}

function facts(c: Consultation, today: IsoDay): Fact[] {
  const days = daysBetween(today, c.deadline);
  const when = days <= 0 ? 'today' : `in ${plural(days, 'day')}`;
  return [
    { label: 'Consultation', value: c.id },
    { label: 'Kind', value: c.kind },
    { label: 'Deadline', value: `${longDay(c.deadline)}, ${when}` },
    ...(c.subject.trim() === '' ? [] : [{ label: 'Subject', value: c.subject.trim() }]),
    ...(c.proposalLink.trim() === ''
      ? []
      : [{ label: 'Proposal', value: c.proposalLink.trim(), href: c.proposalLink.trim() }]),
  ];
}

function asking(c: Consultation, today: IsoDay): Block[] {
  return [
    { kind: 'facts', facts: facts(c, today) },
    { kind: 'heading', text: c.title },
    { kind: 'paragraph', text: c.proposal },
    { kind: 'paragraph', text: silenceMeans(c) },
    { kind: 'paragraph', text: HOW_TO_ANSWER },
  ];
}

/** To one member's focal points: what is asked, by when, what silence means and how to answer. */
export function proposalMessage(network: Network, c: Consultation, agency: string, today: IsoDay): Composed {
  return compose(
    network,
    `${networkName(network)}: written consultation ${c.id}, "${c.title}", answers by ${longDay(c.deadline)}`,
    [
      { kind: 'paragraph', text: `Dear ${agency} colleagues,` },
      {
        kind: 'paragraph',
        text: 'The Secretariat consults every member of the Network in writing on the proposal below.',
      },
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
  return compose(network, `${networkName(network)}: reminder, ${c.id} "${c.title}" closes on ${longDay(c.deadline)}`, [
    { kind: 'paragraph', text: `Dear ${agency} colleagues,` },
    { kind: 'paragraph', text: `${agency} has not answered written consultation ${c.id} yet.` },
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
    return [
      agency,
      a?.answer ?? (c.kind === 'No objection' ? 'No answer (taken as no objection)' : 'No answer'),
      a?.comment ?? '',
    ];
  });
  return compose(network, `${networkName(network)}: written consultation ${c.id}, "${c.title}": ${outcome}`, [
    { kind: 'paragraph', text: 'Dear colleagues,' },
    {
      kind: 'paragraph',
      text: `Written consultation ${c.id}, "${c.title}", closed on ${longDay(c.closedOn ?? c.deadline)}. Outcome: ${outcome}. ${silenceMeans(c)}`,
    },
    { kind: 'table', headers: ['Member', 'Answer', 'Comment'], rows },
  ]);
}

/** To all members, once, when the Secretariat withdraws a consultation whose proposal went out. */
export function withdrawalMessage(network: Network, c: Consultation, reason: string): Composed {
  return compose(network, `${networkName(network)}: written consultation ${c.id}, "${c.title}", withdrawn`, [
    { kind: 'paragraph', text: 'Dear colleagues,' },
    {
      kind: 'paragraph',
      text: `The Secretariat has withdrawn written consultation ${c.id}, "${c.title}", on ${longDay(c.closedOn ?? c.deadline)}. No answer is needed, and answers already given will not be counted.`,
    },
    ...(reason.trim() === '' ? [] : [{ kind: 'paragraph' as const, text: `Reason: ${reason.trim()}` }]),
  ]);
}
