import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../src/domain/i18n';
import {
  decisionSidebarData,
  DecisionInputError,
  recordDecision,
  recordDecisionRpc,
  updateDecisionRpc,
} from '../../src/app/decisions';
import { NotAuthorizedError } from '../../src/app/authorize';
import { readTable } from '../../src/app/repository';
import { headerRow } from '../../src/domain/codec';
import { isActiveOn } from '../../src/domain/membership';
import { DecisionSidebarDataSchema, TEXT_LIMITS, type DecisionInput } from '../../src/domain/rpc';
import {
  ActionsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
} from '../../src/domain/tables';
import { savedDecision } from '../../src/domain/edits';
import { readNetwork } from '../../src/app/network';
import type { Ports } from '../../src/ports';
import type { Cell } from '../../src/ports';
import { MemoryWorkbook } from '../support/memory-workbook';
import { memoryPorts } from '../support/ports';

const SECRETARIAT = 'secretariat@iom.int';
const MEMBER = 'focal@unicef.org';

function workbook(extra: { decisions?: Cell[][]; log?: Cell[][]; actions?: Cell[][] } = {}) {
  return new MemoryWorkbook({
    [SettingsTable.name]: [headerRow(SettingsTable), ['ToR profile', 'uzbekistan']],
    [MembersTable.name]: [
      headerRow(MembersTable),
      [
        'IOM',
        'International Organization for Migration',
        'Coordinator, Secretariat',
        'Active',
        '2019-01-01',
        '',
        '',
        '',
      ],
      ['UNRC', 'Resident Coordinator Office', 'Chair', 'Active', '2019-01-01', '', '', ''],
      ['UNICEF', "United Nations Children's Fund", 'Member', 'Active', '2019-01-01', '', '', ''],
      ['ILO', 'International Labour Organization', 'Member', 'Withdrawn', '2019-01-01', '', '2025-06-30', ''],
      ['FAO', 'Food and Agriculture Organization', 'Member', 'Pending', '', '', '', ''],
    ],
    [FocalPointsTable.name]: [
      headerRow(FocalPointsTable),
      ['IOM', 'Dilnoza', 'Programme officer', SECRETARIAT, 'Primary', true],
      ['UNICEF', 'Aziz', 'Child protection', MEMBER, 'Primary', true],
    ],
    [MeetingsTable.name]: [
      headerRow(MeetingsTable),
      [
        'M-2026-01',
        '2026-03-10',
        'Regular',
        'Online',
        'First quarterly meeting',
        '',
        '',
        '',
        '',
        'UNRC',
        'Held',
        '',
        'UNICEF, IOM, UNRC',
      ],
      ['M-2026-02', '2026-06-10', 'Regular', 'Online', 'Called off', '', '', '', '', 'UNRC', 'Cancelled'],
    ],
    [DecisionsTable.name]: [headerRow(DecisionsTable), ...(extra.decisions ?? [])],
    [LogTable.name]: [headerRow(LogTable), ...(extra.log ?? [])],
    ...(extra.actions ? { [ActionsTable.name]: [headerRow(ActionsTable), ...extra.actions] } : {}),
  });
}

function ports(wb: MemoryWorkbook, email = SECRETARIAT) {
  const p = memoryPorts({ workbook: wb, email, owner: '', today: '2026-04-02', time: '10:15:00' });
  return { ports: p, toasts: p.ui.toasts, locks: () => p.lock.taken };
}

function input(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    date: '2026-03-10',
    meeting: 'M-2026-01',
    kind: 'General',
    title: 'Adopt the 2026 communication plan',
    decision: 'The network adopts the communication plan as circulated.',
    subject: '',
    consulted: ['IOM', 'UNRC', 'UNICEF'],
    objections: [],
    outcome: 'Adopted',
    stateRelevant: false,
    stateConsultedOn: '',
    gcmObjectives: [17, 3],
    ...over,
  };
}

/** Records the default input changed by `over`, and gives the messages it was refused with. */
function refusals(wb: MemoryWorkbook) {
  const p = ports(wb).ports;
  return (over: Record<string, unknown>) => {
    const r = recordDecisionRpc(p, { ...input(), ...over });
    if (r.ok) throw new Error('accepted');
    return r.errors.map((e) => e.message);
  };
}

function snapshot(wb: MemoryWorkbook) {
  return JSON.stringify([...wb.tabs.entries()]);
}

describe('decisionSidebarData', () => {
  it('gives the sidebar everything in one payload, as plain JSON, reading each tab once', () => {
    const wb = workbook({
      decisions: [['D-2026-04', '2026-01-05', '', 'General', 'x', '', '', '', '', '', 'Adopted']],
    });
    const data = decisionSidebarData(ports(wb).ports);
    expect(DecisionSidebarDataSchema.safeParse(data).success).toBe(true);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    expect(data).toMatchObject({
      today: '2026-04-02',
      nextId: 'D-2026-05',
      user: { email: SECRETARIAT, mayRecord: true, refusal: '' },
    });
    expect(data.meetings).toEqual([
      { id: 'M-2026-01', date: '2026-03-10', title: 'First quarterly meeting', attendees: ['UNICEF', 'IOM', 'UNRC'] },
    ]);
    expect(data.gcmObjectives).toHaveLength(23);
    expect(data.members.filter((m) => isActiveOn(m, '2026-03-10')).map((m) => m.code)).toEqual([
      'IOM',
      'UNRC',
      'UNICEF',
    ]);
    // ILO has since withdrawn: like the consensus rule (RULES.md, "active on day X"), the sidebar no longer asks for it.
    expect(data.members.filter((m) => isActiveOn(m, '2025-01-10')).map((m) => m.code)).toEqual([
      'IOM',
      'UNRC',
      'UNICEF',
    ]);
    expect(wb.calls.read).toBe(7);
    expect(wb.calls.write ?? 0).toBe(0);
  });

  it('sends the network the guidance reads decoded, so the sidebar needs no codec', () => {
    const wb = workbook({
      decisions: [['D-2026-04', '2026-01-05', '', 'General', 'x', '', '', '', '', '', 'Adopted']],
    });
    const { network } = decisionSidebarData(ports(wb).ports);
    const server = readNetwork(wb, [SettingsTable, MembersTable, MeetingsTable, DecisionsTable, ActionsTable]).network;
    expect(network.decisions.records).toEqual(server.decisions.records);
    expect(network.decisions).toMatchObject({ lastRow: 2, unreadable: [], readable: true });
    expect(network.members.records.map((m) => m.agency)).toEqual(server.members.records.map((m) => m.agency));
    expect(network.settings).toEqual(server.settings);
    expect(network.profile.id).toBe(server.profile.id);
    expect(network.meetings.records[0]?.date).toBe('2026-03-10');
  });

  it('tells a plain member that they may not record, and why', () => {
    const data = decisionSidebarData(ports(workbook(), MEMBER).ports);
    expect(data.user.mayRecord).toBe(false);
    expect(data.user.refusal).toMatch(/Only the Secretariat can record a decision/);
  });
});

describe('recordDecision', () => {
  it('appends the decision and a Log row under the document lock and returns the new ID', () => {
    const wb = workbook();
    const p = ports(wb);
    const result = recordDecisionRpc(p.ports, input());
    expect(result).toEqual({ ok: true, id: 'D-2026-01', row: 2, actions: [], changed: true });
    expect(p.locks()).toBe(1);
    const decisions = readTable(wb, DecisionsTable);
    expect(decisions.problems).toEqual([]);
    expect(decisions.records[0]).toMatchObject({
      id: 'D-2026-01',
      date: '2026-03-10',
      meeting: 'M-2026-01',
      consulted: ['IOM', 'UNRC', 'UNICEF'],
      gcmObjectives: [3, 17],
      recordedBy: SECRETARIAT,
      recordedAt: '2026-04-02T10:15:00',
      stateRelevant: false,
      stateConsultedOn: null,
    });
    const log = readTable(wb, LogTable);
    expect(log.records).toHaveLength(1);
    expect(log.records[0]).toMatchObject({
      event: 'Decision recorded',
      ref: 'D-2026-01',
      actor: SECRETARIAT,
      outcome: 'Done',
    });
    expect(p.toasts[0]).toMatch(/D-2026-01/);
  });

  it('numbers by the decision year and never reuses an ID, even of a malformed or deleted row', () => {
    const wb = workbook({
      decisions: [
        ['D-2026-07', 'not a date', '', 'General', 'broken row', '', '', '', '', '', 'Adopted'],
        ['D-2025-12', '2025-11-01', '', 'General', 'last year', '', '', '', '', '', 'Adopted'],
      ],
      log: [['2026-02-01T09:00:00', SECRETARIAT, 'Decision recorded', 'D-2026-09', '', 'Done', 'deleted since']],
    });
    const p = ports(wb).ports;
    expect(recordDecision(p, input()).id).toBe('D-2026-10');
    expect(recordDecision(p, input()).id).toBe('D-2026-11');
    expect(recordDecision(p, input({ date: '2025-12-20', meeting: '', confirmed: true })).id).toBe('D-2025-13');
    expect(recordDecision(p, input({ date: '2024-12-20', meeting: '', confirmed: true })).id).toBe('D-2024-01');
  });

  it('refuses a plain member and writes nothing', () => {
    const wb = workbook();
    const before = snapshot(wb);
    expect(() => recordDecision(ports(wb, MEMBER).ports, input())).toThrow(NotAuthorizedError);
    expect(() => recordDecision(ports(wb, MEMBER).ports, input())).toThrow(
      /Only the Secretariat can record a decision.*focal@unicef.org/,
    );
    expect(snapshot(wb)).toBe(before);
    expect(wb.calls.write ?? 0).toBe(0);
  });

  it('names the field of every bad input and writes nothing', () => {
    const wb = workbook();
    const before = snapshot(wb);
    const fails = refusals(wb);
    expect(fails({ kind: 'Opinion' })).toEqual([expect.stringMatching(/^Kind: must be one of General/)]);
    expect(fails({ outcome: 'Maybe' })).toEqual([expect.stringMatching(/^Outcome: must be one of Adopted/)]);
    expect(fails({ date: '2026-02-30' })).toEqual(['Date: must be a date YYYY-MM-DD']);
    expect(fails({ date: '2026-05-01' })).toEqual([expect.stringMatching(/^Date: 2026-05-01 is after today/)]);
    expect(fails({ meeting: 'M-2026-99' })).toEqual([expect.stringMatching(/^Meeting: M-2026-99 is not a meeting/)]);
    expect(fails({ meeting: 'M-2026-02' })).toEqual(['Meeting: M-2026-02 was cancelled']);
    expect(fails({ consulted: ['IOM', 'WHO', 'XYZ'] })).toEqual([
      'Consulted: WHO, XYZ are not members of the Members tab',
    ]);
    expect(fails({ objections: ['ILO'] })).toEqual([
      expect.stringMatching(/^Objections: ILO objected but is not among/),
    ]);
    expect(fails({ title: '   ' })).toEqual(['Title: give the decision a short title']);
    expect(fails({ kind: 'Workplan endorsement', subject: 'next' })).toEqual([
      expect.stringMatching(/^Subject: give the year/),
    ]);
    expect(fails({ gcmObjectives: [24] })).toEqual([expect.stringMatching(/^GCM objectives:/)]);
    expect(fails({ stateConsultedOn: '2026-03-01' })).toEqual([
      'State consulted on: tick State relevant, or leave this blank',
    ]);
    expect(fails({ when: new Date() as unknown, date: undefined })).toEqual(['Date: must be a date YYYY-MM-DD']);
    expect(() => recordDecision(ports(wb).ports, null)).toThrow(DecisionInputError);
    expect(snapshot(wb)).toBe(before);
  });

  it('refuses a date outside 1900 to 2100 and any text over its limit, and writes nothing', () => {
    const wb = workbook();
    const before = snapshot(wb);
    const fails = refusals(wb);
    expect(fails({ date: '0026-03-10' })).toEqual(['Date: must be a date from 1900 to 2100']);
    expect(fails({ date: '2101-01-01' })).toEqual(['Date: must be a date from 1900 to 2100']);
    expect(fails({ stateRelevant: true, stateConsultedOn: '1899-12-31' })).toEqual([
      'State consulted on: must be a date from 1900 to 2100',
    ]);
    expect(fails({ title: 'x'.repeat(TEXT_LIMITS.title + 1) })).toEqual([
      `Title: must be at most ${TEXT_LIMITS.title} characters`,
    ]);
    expect(fails({ decision: 'x'.repeat(TEXT_LIMITS.decision + 1) })).toEqual([
      `Decision: must be at most ${TEXT_LIMITS.decision} characters`,
    ]);
    expect(fails({ subject: 'x'.repeat(TEXT_LIMITS.subject + 1) })).toEqual([
      `Subject: must be at most ${TEXT_LIMITS.subject} characters`,
    ]);
    expect(fails({ meeting: 'x'.repeat(TEXT_LIMITS.meeting + 1) })).toEqual([
      `Meeting: must be at most ${TEXT_LIMITS.meeting} characters`,
    ]);
    expect(fails({ consulted: ['x'.repeat(TEXT_LIMITS.code + 1)] })).toEqual([
      `Consulted: must be at most ${TEXT_LIMITS.code} characters`,
    ]);
    expect(fails({ objections: Array(TEXT_LIMITS.codes + 1).fill('IOM') })).toEqual([
      `Objections: must list at most ${TEXT_LIMITS.codes} members`,
    ]);
    expect(fails({ gcmObjectives: Array(24).fill(1) })).toEqual([
      'GCM objectives: must be GCM objective numbers from 1 to 23',
    ]);
    expect(snapshot(wb)).toBe(before);
  });

  it('stores text that looks like a formula exactly as typed, and it reads back equal', () => {
    const wb = workbook();
    const p = ports(wb).ports;
    const title = '=HYPERLINK("http://evil.example","click")';
    const text = '+1 more week; -2 objections; @all members';
    const { id } = recordDecision(p, input({ title, decision: text, subject: '@IOM', kind: 'Admission' }));
    const stored = readTable(wb, DecisionsTable).records.find((d) => d.id === id);
    expect(stored).toMatchObject({ title, decision: text, subject: '@IOM' });
  });
});

describe('follow-up actions, the ToR guidance and editing', () => {
  const withActions = () =>
    workbook({ actions: [['A-2026-004', 'M-2026-01', 'Older action', 'IOM', '2026-04-01', 'Open']] });
  const twoActions = [
    { id: '', action: 'Draft the plan', owner: 'unicef', due: '2026-05-01' },
    { id: '', action: '=SUM(A1:A9) stays text', owner: 'IOM', due: '' },
  ];

  it('writes the actions with the decision under one lock: next A- IDs, Source the decision, the owner as the register spells it', () => {
    const wb = withActions();
    const p = ports(wb);
    const result = recordDecisionRpc(p.ports, input({ actions: twoActions }));
    expect(result).toEqual({ ok: true, id: 'D-2026-01', row: 2, actions: ['A-2026-005', 'A-2026-006'], changed: true });
    expect(p.locks()).toBe(1);
    const actions = readTable(wb, ActionsTable).records;
    expect(actions.slice(1)).toMatchObject([
      {
        id: 'A-2026-005',
        source: 'D-2026-01',
        action: 'Draft the plan',
        owner: 'UNICEF',
        due: '2026-05-01',
        status: 'Open',
      },
      {
        id: 'A-2026-006',
        source: 'D-2026-01',
        action: '=SUM(A1:A9) stays text',
        owner: 'IOM',
        due: null,
        status: 'Open',
      },
    ]);
    expect(readTable(wb, LogTable).records[0]!.details).toMatch(/follow-up A-2026-005, A-2026-006/);
  });

  it('refuses an action without words, with an owner not in the register or due before the decision, and writes nothing', () => {
    const wb = withActions();
    const before = snapshot(wb);
    const fails = refusals(wb);
    expect(fails({ actions: [{ id: '', action: ' ', owner: 'WHO', due: '2026-01-01' }] })).toEqual([
      'Follow-up actions: action 1: say what is to be done',
      'Follow-up actions: action 1: WHO is not a member of the Members tab',
      'Follow-up actions: action 1: due on 2026-01-01, before the decision (2026-03-10)',
    ]);
    expect(fails({ actions: [{ id: '', action: 'x', owner: 'IOM', due: '2026-13-01' }] })).toEqual([
      expect.stringMatching(/^Follow-up actions: /),
    ]);
    expect(snapshot(wb)).toBe(before);
  });

  it('asks to confirm an Adopted decision the ToR check would report, and saves a Pending one quietly', () => {
    const wb = withActions();
    const before = snapshot(wb);
    const fails = refusals(wb);
    expect(fails({ consulted: ['IOM'] })).toEqual([
      expect.stringMatching(/^Record anyway: the ToR check would report decisions.consensus, decisions.follow-up/),
    ]);
    expect(snapshot(wb)).toBe(before);
    const p = ports(wb).ports;
    expect(recordDecisionRpc(p, input({ consulted: ['IOM'], outcome: 'Pending' })).ok).toBe(true);
    expect(recordDecisionRpc(p, input({ consulted: ['IOM'], confirmed: true })).ok).toBe(true);
  });

  it('gives two saves racing for the lock two IDs, and both rows are kept', () => {
    const wb = withActions();
    const p = ports(wb).ports;
    let other = '';
    const racing: Ports = {
      ...p,
      lock: {
        withDocumentLock: (fn) => {
          other ||= recordDecision(p, input({ actions: [twoActions[0]!] })).id;
          return fn();
        },
      },
    };
    const mine = recordDecision(racing, input({ actions: [twoActions[1]!] }));
    expect([other, mine.id]).toEqual(['D-2026-01', 'D-2026-02']);
    expect(mine.actions).toEqual(['A-2026-006']);
    expect(readTable(wb, DecisionsTable).records.map((d) => d.id)).toEqual(['D-2026-01', 'D-2026-02']);
    expect(readTable(wb, ActionsTable).records.map((a) => `${a.id} ${a.source}`)).toEqual([
      'A-2026-004 M-2026-01',
      'A-2026-005 D-2026-01',
      'A-2026-006 D-2026-02',
    ]);
  });

  it('edits a decision and its actions in place, and logs what changed', () => {
    const wb = withActions();
    const p = ports(wb).ports;
    recordDecisionRpc(p, input({ actions: twoActions }));
    const read = savedDecision(readNetwork(wb).network, 'D-2026-01')!;
    const rowsBefore = wb.read(DecisionsTable.name)!.length;
    const result = updateDecisionRpc(p, {
      ...input({
        title: 'Adopt the revised plan',
        actions: [
          { ...twoActions[0]!, id: 'A-2026-005', due: '2026-06-01' },
          { id: '', action: 'Share it', owner: 'UNRC', due: '' },
        ],
      }),
      id: 'D-2026-01',
      version: read.version,
    });
    expect(result).toEqual({ ok: true, id: 'D-2026-01', row: 2, actions: ['A-2026-005', 'A-2026-007'], changed: true });
    expect(wb.read(DecisionsTable.name)!.length).toBe(rowsBefore);
    const after = savedDecision(readNetwork(wb).network, 'D-2026-01')!;
    expect(after.decision).toMatchObject({
      title: 'Adopt the revised plan',
      recordedBy: SECRETARIAT,
      recordedAt: read.decision.recordedAt,
    });
    expect(after.actions.map((a) => [a.id, a.due])).toEqual([
      ['A-2026-005', '2026-06-01'],
      ['A-2026-006', null],
      ['A-2026-007', null],
    ]);
    const log = readTable(wb, LogTable).records.at(-1)!;
    expect(log).toMatchObject({ event: 'Decision updated', ref: 'D-2026-01' });
    expect(log.details).toBe(
      'Title: "Adopt the 2026 communication plan" → "Adopt the revised plan"; A-2026-005 changed; A-2026-007 added',
    );
  });

  it('saves a decision unchanged but for the order of Consulted and Objections: no cell written, no Log row, nothing to confirm', () => {
    const wb = withActions();
    const p = ports(wb);
    recordDecisionRpc(
      p.ports,
      input({
        consulted: ['IOM', 'UNRC', 'UNICEF'],
        objections: ['IOM', 'UNICEF'],
        actions: twoActions,
        confirmed: true,
      }),
    );
    const read = savedDecision(readNetwork(wb).network, 'D-2026-01')!;
    const before = snapshot(wb);
    const writes = wb.calls.write ?? 0;
    const same = {
      ...input({ consulted: ['unicef', 'IOM', 'UNRC'], objections: ['UNICEF', 'IOM'] }),
      actions: read.actions.map(({ id, action, owner, due }) => ({ id, action, owner, due: due ?? '' })),
    };
    const result = updateDecisionRpc(p.ports, { ...same, id: 'D-2026-01', version: read.version });
    expect(result).toEqual({
      ok: true,
      id: 'D-2026-01',
      row: 2,
      actions: ['A-2026-005', 'A-2026-006'],
      changed: false,
    });
    expect(wb.calls.write ?? 0).toBe(writes);
    expect(snapshot(wb)).toBe(before);
    expect(p.toasts.at(-1)).toBe('Decision D-2026-01 is unchanged: nothing was written.');
    expect(savedDecision(readNetwork(wb).network, 'D-2026-01')!.decision.consulted).toEqual(['IOM', 'UNRC', 'UNICEF']);
  });

  it('refuses a concurrent edit with the row as it now stands, and overwrites nothing', () => {
    const wb = withActions();
    const p = ports(wb).ports;
    recordDecisionRpc(p, input({ confirmed: true }));
    const read = savedDecision(readNetwork(wb).network, 'D-2026-01')!;
    expect(
      updateDecisionRpc(p, {
        ...input({ title: 'First edit', confirmed: true }),
        id: 'D-2026-01',
        version: read.version,
      }).ok,
    ).toBe(true);
    const between = snapshot(wb);
    const second = updateDecisionRpc(p, {
      ...input({ title: 'Second edit', confirmed: true }),
      id: 'D-2026-01',
      version: read.version,
    });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors[0]!.message).toMatch(
      /D-2026-01 was changed by someone else since you opened it; nothing was saved/,
    );
    expect(second.current?.decision.title).toBe('First edit');
    expect(snapshot(wb)).toBe(between);
  });

  it('refuses an edit by a plain member, of an unknown ID or to another year, and writes nothing', () => {
    const wb = withActions();
    recordDecisionRpc(ports(wb).ports, input({ confirmed: true }));
    const read = savedDecision(readNetwork(wb).network, 'D-2026-01')!;
    const before = snapshot(wb);
    expect(() =>
      updateDecisionRpc(ports(wb, MEMBER).ports, {
        ...input({ confirmed: true }),
        id: 'D-2026-01',
        version: read.version,
      }),
    ).toThrow(NotAuthorizedError);
    const p = ports(wb).ports;
    const unknown = updateDecisionRpc(p, { ...input({ confirmed: true }), id: 'D-2026-09', version: read.version });
    expect(unknown.ok ? [] : unknown.errors.map((e) => e.message)).toEqual([
      'Decision ID: D-2026-09 is not a decision of the Decisions tab',
    ]);
    const moved = updateDecisionRpc(p, {
      ...input({ date: '2025-12-01', meeting: '', confirmed: true }),
      id: 'D-2026-01',
      version: read.version,
    });
    expect(moved.ok ? [] : moved.errors.map((e) => e.message)).toEqual([
      'Date: D-2026-01 is numbered in 2026: keep its date in that year, or record a new decision',
    ]);
    expect(snapshot(wb)).toBe(before);
  });
});

describe('in a network that works in Russian', () => {
  /** The workbook above with the Settings row Language = Russian: reading it sets the execution's language. */
  function russian() {
    const wb = workbook();
    wb.tabs.set(SettingsTable.name, [headerRow(SettingsTable), ['ToR profile', 'uzbekistan'], ['Language', 'Russian']]);
    return wb;
  }

  afterEach(() => void useLanguage('en'));

  it('names each field and its problem in Russian, the contract’s values and tabs in English', () => {
    const wb = russian();
    const fails = refusals(wb);
    expect(fails({ date: '2026-02-30' })).toEqual(['Дата: укажите дату в формате ГГГГ-ММ-ДД']);
    expect(fails({ date: '0026-03-10' })).toEqual(['Дата: укажите дату в пределах 1900–2100 гг.']);
    expect(fails({ kind: 'Opinion' })).toEqual([expect.stringMatching(/^Вид: укажите одно из значений: General, /)]);
    expect(fails({ consulted: ['IOM', 'WHO', 'XYZ'] })).toEqual([
      'С кем проведены консультации: WHO, XYZ: нет среди членов на вкладке «Members»',
    ]);
    expect(fails({ title: 'x'.repeat(TEXT_LIMITS.title + 1) })).toEqual(['Название: не более 200 символов']);
    expect(fails({ objections: Array(TEXT_LIMITS.codes + 1).fill('IOM') })).toEqual([
      'Возражения: не более 200 членов',
    ]);
    expect(fails({ decision: 'x'.repeat(TEXT_LIMITS.decision + 1) })).toEqual([
      'Решение: не более 5\u00a0000 символов',
    ]);
    expect(fails({ actions: [{ id: '', action: '', owner: 'IOM', due: '' }] })).toEqual([
      'Поручения: поручение 1: укажите, что нужно сделать',
    ]);
  });

  it('says in Russian what it recorded, and that an edit changed nothing', () => {
    const wb = russian();
    const { ports: p, toasts } = ports(wb);
    const saved = recordDecisionRpc(p, input());
    expect(saved).toMatchObject({ ok: true, id: 'D-2026-01' });
    expect(toasts.at(-1)).toBe('Решение D-2026-01 записано в строке 2.');
  });
});
