/**
 * docs/style.md, enforced: every email kind, report title and prose, finding message and fix, and
 * command-line error, read with sample values in the singular and the plural, and none of them may
 * carry the slips the style guide lists.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancellationMessage, agendaMessage, updateMessage, type PackMeeting } from '../../src/domain/email/agenda';
import {
  consultationReminderMessage,
  outcomeMessage,
  proposalMessage,
  withdrawalMessage,
} from '../../src/domain/email/consultation';
import { archiveMessage, minutesMessage, type Composed } from '../../src/domain/email/minutes';
import { actionReminder, agendaReminder, minutesReminder } from '../../src/domain/email/reminders';
import type { Network } from '../../src/domain/network';
import { REPORTS } from '../../src/domain/reports';
import { reportMessage } from '../../src/domain/reports/email';
import { checkNetwork, type Finding } from '../../src/domain/rules';
import type { Consultation } from '../../src/domain/tables';
import { main } from '../../src/node/cli';
import { runPlayground } from '../../src/node/playground/cli';
import { EXAMPLE } from '../../examples/uzbekistan';
import { azerbaijan, networkOf, uzbekistan, type Spec } from '../domain/rules/support';
import { captureIo } from './cli-io';

const ROOT = path.resolve(__dirname, '../..');
const NAME = 'UN Network on Migration in Uzbekistan';

/** What a text breaks of docs/style.md; `name` is the network's name as Settings give it. */
export function slips(text: string, name = NAME): string[] {
  const found: string[] = [];
  if (!/^the\s/i.test(name)) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const before = text.slice(Math.max(0, at - 4), at);
      const opensLine = at === 0 || /(\n|: |— )$/.test(text.slice(0, at));
      if (!opensLine && !/the $/i.test(before))
        found.push(`no "the" before the network's name: …${text.slice(Math.max(0, at - 30), at + 10)}…`);
    }
  } else if (/\bthe the\b/i.test(text)) found.push('"the the"');
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 1) {
      found.push(`nested parentheses: ${text.slice(0, 120)}`);
      break;
    }
  }
  if (/\w\(s\)/.test(text)) found.push(`"(s)": ${text.slice(0, 120)}`);
  if (/(?<![\w@./-])secretariat(?![\w@-])/.test(text)) found.push(`lower-case "secretariat": ${text.slice(0, 160)}`);
  for (const line of text.split('\n')) {
    const words = line
      .replaceAll(name, 'NETWORK')
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter(Boolean);
    const seen = new Map<string, number>();
    for (let i = 0; i + 5 <= words.length; i++) {
      const gram = words.slice(i, i + 5).join(' ');
      const first = seen.get(gram);
      if (first !== undefined && i >= first + 5) {
        found.push(`"${gram}" twice: ${line.slice(0, 200)}`);
        break;
      }
      if (first === undefined) seen.set(gram, i);
    }
  }
  return found;
}

function emailTexts(message: Composed): string[] {
  return [message.subject, message.text];
}

/** The example network with a Settings name, and an agency whose register name holds parentheses. */
function sampleNetwork(base: Spec = uzbekistan()): Network {
  const spec = base;
  spec.settings = { ...spec.settings, networkName: NAME };
  spec.members = spec.members.map((m) =>
    m.agency === 'UNRC' ? { ...m, name: 'United Nations Resident Coordinator (RCO)' } : m,
  );
  spec.meetings.push(
    {
      id: 'M-2026-05',
      date: '2026-12-02',
      kind: 'Annual',
      mode: 'In person',
      title: 'Year-end meeting: 2026 results',
      status: 'Held',
      chairedBy: ['IOM', 'UNRC'],
      attendees: ['IOM', 'UNRC', 'UNDP'],
      minutesLink: 'https://docs.example/m5',
      minutesApprovedOn: '2026-12-10',
    },
    { id: 'M-2026-06', date: '2026-12-20', kind: 'Regular', title: 'Q4 meeting', status: 'Planned' },
  );
  spec.actions.push(
    {
      id: 'A-2026-010',
      source: 'M-2026-05',
      action: 'Send the results',
      owner: 'UNDP',
      due: '2026-12-14',
      status: 'Open',
    },
    {
      id: 'A-2026-011',
      source: 'M-2026-05',
      action: 'Update the list',
      owner: 'UNDP',
      due: '2026-12-18',
      status: 'Open',
    },
    {
      id: 'A-2026-012',
      source: 'M-2026-05',
      action: 'Draft the workplan',
      owner: 'UNDP',
      due: '2026-12-10',
      status: 'Open',
    },
  );
  return networkOf(spec);
}

function consultation(kind: Consultation['kind'], outcome: Consultation['outcome']): Consultation {
  return {
    id: 'C-2026-01',
    title: 'Joint statement on World Migrants Day',
    kind,
    subject: '',
    proposal: 'The Network issues the joint statement attached.',
    proposalLink: 'https://docs.example/c1',
    openedOn: '2026-12-01',
    deadline: '2026-12-11',
    status: outcome === null ? 'Open' : 'Closed',
    closedOn: outcome === null ? null : '2026-12-11',
    outcome,
  } as unknown as Consultation;
}

function emails(network: Network): string[] {
  const meeting = (id: string) => network.meetings.records.find((m) => m.id === id)!;
  const actions = network.actions.records.filter((a) => a.owner === 'UNDP' && a.status === 'Open');
  const pack = { ...meeting('M-2026-06'), time: '10:00', durationMinutes: 90, venueOrLink: 'UN House', agendaLink: '' };
  const people = { organizer: 'akarimova@iom.int', attendees: ['jon.berg@un.org'], today: '2026-12-14' as const };
  const messages: Composed[] = [
    minutesMessage(network, meeting('M-2026-05')),
    archiveMessage(network, meeting('M-2026-05'), '2026-12-14'),
    archiveMessage(network, meeting('M-2026-05'), '2026-12-31'),
    actionReminder(network, 'UNDP', actions.slice(0, 1), '2026-12-14'),
    actionReminder(network, 'UNDP', actions, '2026-12-14'),
    agendaReminder(network, meeting('M-2026-06'), '2026-12-14', 5),
    agendaReminder(network, meeting('M-2026-06'), '2026-12-19', 1),
    minutesReminder(network, meeting('M-2026-05'), '2026-12-14', 10),
    minutesReminder(network, meeting('M-2026-05'), '2026-12-03', 1),
    agendaMessage(network, pack as PackMeeting, people),
    updateMessage(network, pack as PackMeeting, 1, people),
    cancellationMessage(network, pack as PackMeeting, 2, people),
  ];
  for (const kind of ['No objection', 'Approval'] as const) {
    const open = consultation(kind, null);
    messages.push(
      proposalMessage(network, open, 'UNDP', '2026-12-01'),
      proposalMessage(network, open, 'UNDP', '2026-12-10'),
      consultationReminderMessage(network, open, 'UNDP', '2026-12-09'),
      outcomeMessage(network, consultation(kind, 'Agreed'), ['IOM', 'UNRC', 'UNDP'], new Map()),
      outcomeMessage(network, consultation(kind, 'Not agreed'), ['UNDP'], new Map()),
      withdrawalMessage(network, open, 'The statement went out through the UNCT.'),
      withdrawalMessage(network, open, ''),
    );
  }
  return messages.flatMap(emailTexts);
}

function reportTexts(network: Network, today: string): string[] {
  return REPORTS.flatMap((def) => {
    const report = def.build(network, { year: 2026, today });
    const message = reportMessage(report);
    return [
      report.title,
      report.subtitle,
      report.notice,
      ...report.tables.flatMap((t) => [t.title, t.note, t.empty]),
      message.subject,
      message.text,
    ];
  });
}

/** Findings of networks that keep the rules and of the same networks gone wrong, over the year. */
function findings(): Finding[] {
  const specs: Spec[] = [uzbekistan(), azerbaijan(), EXAMPLE as unknown as Spec];
  const broken = uzbekistan();
  broken.focalPoints = [];
  broken.decisions = broken.decisions.map((d) => ({ ...d, consulted: [] }));
  broken.meetings = broken.meetings.map((m) => ({ ...m, attendees: [], minutesLink: '', status: 'Planned' }));
  broken.actions = broken.actions.map((a) => ({ ...a, due: '2026-01-01', status: 'Open' }));
  specs.push(broken);
  const oneWrong = azerbaijan();
  oneWrong.focalPoints = oneWrong.focalPoints.slice(1);
  specs.push(oneWrong);
  const out: Finding[] = [];
  for (const spec of specs)
    for (const today of ['2026-06-15', '2026-12-31', '2027-07-01', '2030-01-01'])
      out.push(...checkNetwork(sampleNetwork(structuredClone(spec)), today));
  return out;
}

describe('slips', () => {
  it('catches each slip of the style guide', () => {
    expect(slips(`The secretariat of ${NAME}`)).toHaveLength(2);
    expect(slips('UNRC (United Nations Resident Coordinator (RCO))')).toHaveLength(1);
    expect(slips('your action point(s)')).toHaveLength(1);
    expect(
      slips('Status: "Done" is not one of Planned, Held, Cancelled (expected one of Planned, Held, Cancelled)'),
    ).toHaveLength(1);
    expect(slips(`${NAME}: minutes\n\nThe Secretariat of the ${NAME}`)).toEqual([]);
  });
});

describe('every text a person reads', () => {
  const network = sampleNetwork();

  it.each([
    ['every email kind', () => emails(network)],
    ['every report title and its prose', () => reportTexts(network, '2026-12-14')],
    ['every finding message and fix', () => findings().flatMap((f) => [f.message, f.fix])],
  ])('%s keeps docs/style.md, with its dates as "16 September 2026"', (_, texts) => {
    const all = texts();
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((t) => slips(t))).toEqual([]);
    expect(all.filter((t) => /\b\d{4}-\d{2}-\d{2}\b/.test(t.replace(/https?:\S+/g, '')))).toEqual([]);
  });

  it('the findings come from many rules, in the singular and the plural', () => {
    const rules = new Set(findings().map((f) => f.rule));
    expect(rules.size).toBeGreaterThan(15);
  });
});

describe('command-line errors', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-style-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('of unmn and of the playground keep docs/style.md', async () => {
    const example = path.join(ROOT, 'examples', 'uzbekistan.xlsx');
    const missing = path.join(dir, 'missing.xlsx');
    const lines: string[] = [];
    for (const args of [
      [],
      ['nosuch'],
      ['check', missing],
      ['check', example, '--today', '2026-02-30'],
      ['check', example, '--colour'],
      ['check'],
      ['validate', example, 'extra'],
      ['report', 'nosuch', example],
      ['report', 'all', example, '--year', '26'],
      ['report', 'all', example, '--json', '--out', dir],
      ['init', path.join(dir, 'x.csv')],
      ['init', path.join(dir, 'x.xlsx'), '--profile', 'kazakhstan'],
      ['init', example],
      ['tick', example, '--user', 'not-an-email'],
    ]) {
      const io = captureIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      lines.push(...io.stderr.filter((l) => !l.startsWith('  ')));
    }
    for (const args of [['--workbook', missing], ['--today', '2026-02-30'], ['--port', 'eighty'], ['--colour']]) {
      const err: string[] = [];
      const started = await runPlayground(args, { out: () => undefined, err: (l) => err.push(l) }, ROOT);
      expect(started.code, args.join(' ')).toBe(2);
      lines.push(...err);
    }
    expect(lines.flatMap((l) => slips(l))).toEqual([]);
  });
});
