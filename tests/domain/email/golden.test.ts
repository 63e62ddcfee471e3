/**
 * Golden texts: the plain-text bodies of the minutes email, an action reminder with one action and
 * with three, and the reminder the Secretariat receives, as committed files reviewed against
 * docs/style.md. A change of wording shows as a diff of these files (`npx vitest run -u` rewrites them).
 */
import { describe, expect, it } from 'vitest';
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
