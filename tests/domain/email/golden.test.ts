/**
 * Golden texts: the plain-text bodies of the minutes email, an action reminder with one action and
 * with three, and the reminder the Secretariat receives, as committed files reviewed against
 * docs/style.md, in English and in Russian (golden/ru: the agenda with its invitation and a consultation's
 * proposal too). A change of wording shows as a diff of these files (`npx vitest run -u` rewrites them).
 */
import { describe, expect, it } from 'vitest';
import { agendaMessage } from '../../../src/domain/email/agenda';
import { proposalMessage } from '../../../src/domain/email/consultation';
import { inLanguage } from '../../../src/domain/i18n';
import type { Consultation } from '../../../src/domain/tables';
import { minutesMessage, type Composed } from '../../../src/domain/email/minutes';
import { actionReminder, minutesReminder } from '../../../src/domain/email/reminders';
import { networkOf } from '../rules/support';
import { emailNetwork } from '../../sim/network';

const TODAY = '2026-12-14';

function golden(message: Composed): string {
  return `Subject: ${message.subject}\n\n${message.text}`;
}

function network() {
  const spec = emailNetwork();
  spec.meetings.push({
    id: 'M-2026-05',
    date: '2026-12-02',
    kind: 'Annual',
    mode: 'In person',
    title: 'Year-end meeting: 2026 results',
    status: 'Held',
    chairedBy: ['IOM', 'UNRC'],
    attendees: ['IOM', 'UNRC', 'UNDP', 'OHCHR'],
  });
  spec.actions.push(
    {
      id: 'A-2026-010',
      source: 'M-2026-05',
      action: 'Send the results to the UNCT',
      owner: 'OHCHR',
      due: '2026-12-14',
      status: 'Open',
    },
    {
      id: 'A-2026-011',
      source: 'M-2026-05',
      action: 'Update the focal point list',
      owner: 'OHCHR',
      due: '2026-12-18',
      status: 'Open',
    },
    {
      id: 'A-2026-012',
      source: 'M-2026-05',
      action: 'Draft the 2027 workplan',
      owner: 'OHCHR',
      due: '2026-12-10',
      status: 'Open',
    },
  );
  return networkOf(spec);
}

describe('golden texts', () => {
  const net = network();
  const meeting = (id: string) => net.meetings.records.find((m) => m.id === id)!;
  const actions = (...ids: string[]) => net.actions.records.filter((a) => ids.includes(a.id));

  it('the minutes email', async () => {
    await expect(golden(minutesMessage(net, meeting('M-2026-03')))).toMatchFileSnapshot('golden/minutes.txt');
  });

  it('an action reminder with one action', async () => {
    await expect(golden(actionReminder(net, 'UNDP', actions('A-2026-002'), '2026-07-10'))).toMatchFileSnapshot(
      'golden/reminder-one-action.txt',
    );
  });

  it('an action reminder with three actions', async () => {
    const three = actions('A-2026-010', 'A-2026-011', 'A-2026-012');
    expect(three).toHaveLength(3);
    await expect(golden(actionReminder(net, 'OHCHR', three, TODAY))).toMatchFileSnapshot(
      'golden/reminder-three-actions.txt',
    );
  });

  it("the Secretariat's own reminder, signed by the add-on", async () => {
    await expect(golden(minutesReminder(net, meeting('M-2026-05'), TODAY, 10))).toMatchFileSnapshot(
      'golden/secretariat-reminder.txt',
    );
  });
});

describe('golden texts in Russian', () => {
  const net = network();
  const meeting = (id: string) => net.meetings.records.find((m) => m.id === id)!;
  const actions = (...ids: string[]) => net.actions.records.filter((a) => ids.includes(a.id));
  const ru = (compose: () => Composed) => golden(inLanguage('ru', compose));

  it('the minutes email', async () => {
    await expect(ru(() => minutesMessage(net, meeting('M-2026-03')))).toMatchFileSnapshot('golden/ru/minutes.txt');
  });

  it('action reminders with one action and with three', async () => {
    await expect(ru(() => actionReminder(net, 'UNDP', actions('A-2026-002'), '2026-07-10'))).toMatchFileSnapshot(
      'golden/ru/reminder-one-action.txt',
    );
    const three = actions('A-2026-010', 'A-2026-011', 'A-2026-012');
    await expect(ru(() => actionReminder(net, 'OHCHR', three, TODAY))).toMatchFileSnapshot(
      'golden/ru/reminder-three-actions.txt',
    );
  });

  it("the Secretariat's own reminder, signed by the add-on", async () => {
    await expect(ru(() => minutesReminder(net, meeting('M-2026-05'), TODAY, 10))).toMatchFileSnapshot(
      'golden/ru/secretariat-reminder.txt',
    );
  });

  it('the agenda, and its invitation’s summary', async () => {
    const planned = {
      ...meeting('M-2026-05'),
      id: 'M-2027-01',
      date: '2027-01-20',
      time: '10:00',
      durationMinutes: 90,
    };
    const people = { organizer: 'akarimova@iom.int', attendees: ['jon.berg@un.org'], today: TODAY };
    const agenda = inLanguage('ru', () =>
      agendaMessage(net, { ...planned, agendaLink: 'https://docs.example/a' }, people),
    );
    await expect(golden(agenda)).toMatchFileSnapshot('golden/ru/agenda.txt');
    expect(agenda.invitation!.ics).toContain('ORGANIZER;CN="Секретариат"');
  });

  it("a consultation's proposal", async () => {
    const consultation: Consultation = {
      id: 'C-2026-01',
      kind: 'No objection',
      title: 'Годовой план работы на 2027 год',
      subject: '',
      proposal: 'Секретариат предлагает утвердить план работы.',
      proposalLink: 'https://docs.example/plan',
      openedOn: '2026-12-10',
      deadline: '2026-12-17',
      status: 'Open',
      outcome: null,
      closedOn: null,
      decision: '',
    };
    await expect(ru(() => proposalMessage(net, consultation, 'UNDP', TODAY))).toMatchFileSnapshot(
      'golden/ru/consultation-proposal.txt',
    );
  });
});
