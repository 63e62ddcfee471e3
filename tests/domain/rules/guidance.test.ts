import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../../src/app/decisions';
import { readNetwork } from '../../../src/app/network';
import { headerRow } from '../../../src/domain/codec';
import { decisionOf } from '../../../src/domain/decision-record';
import { parseDecisionInput, type DecisionInput } from '../../../src/domain/rpc';
import { checkNetwork } from '../../../src/domain/rules';
import { decisionGuidance } from '../../../src/domain/rules/guidance';
import {
  ActionsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  type Action,
} from '../../../src/domain/tables';
import { MemoryWorkbook } from '../../support/memory-workbook';
import { memoryPorts } from '../../support/ports';

const SECRETARIAT = 'secretariat@iom.int';
const TODAY = '2026-04-02';

function workbook() {
  return new MemoryWorkbook({
    [SettingsTable.name]: [
      headerRow(SettingsTable),
      ['ToR profile', 'uzbekistan'],
      ['Founded on', '2019-01-01'],
      ['Admission rule', 'unanimous'],
      ['State consultation body', 'Ministry of Labour'],
    ],
    [MembersTable.name]: [
      headerRow(MembersTable),
      [
        'IOM',
        'International Organization for Migration',
        'Chair, Coordinator, Secretariat',
        'Active',
        '2019-01-01',
        '',
        '',
        '',
      ],
      ['UNRC', 'Resident Coordinator Office', 'Co-chair', 'Active', '2019-01-01', '', '', ''],
      ['WHO', 'World Health Organization', 'Member', 'Active', '2019-01-01', '', '', ''],
      ['UNODC', 'UN Office on Drugs and Crime', 'Member', 'Active', '2026-03-01', '', '', ''],
    ],
    [FocalPointsTable.name]: [
      headerRow(FocalPointsTable),
      ['IOM', 'Dilnoza', 'Programme officer', SECRETARIAT, 'Primary', true],
    ],
    [MeetingsTable.name]: [headerRow(MeetingsTable)],
    [DecisionsTable.name]: [headerRow(DecisionsTable)],
    [ActionsTable.name]: [headerRow(ActionsTable)],
    [LogTable.name]: [headerRow(LogTable)],
  });
}

function input(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    date: '2026-03-10',
    meeting: '',
    kind: 'General',
    title: 'Adopt the communication plan',
    decision: '',
    subject: '',
    consulted: ['IOM', 'UNRC', 'WHO', 'UNODC'],
    objections: [],
    outcome: 'Adopted',
    stateRelevant: false,
    stateConsultedOn: '',
    gcmObjectives: [],
    ...over,
  };
}

/** The guidance before saving, and the check's findings about the saved decision after. */
function guidedThenChecked(over: Partial<DecisionInput>, actions: Action[] = []) {
  const wb = workbook();
  const ports = memoryPorts({ workbook: wb, email: SECRETARIAT, owner: '', today: TODAY, time: '10:15:00' });
  const value = input(over);
  const before = readNetwork(wb).network;
  const guidance = decisionGuidance(before, TODAY, decisionOf(value, before, 'D-2026-01', SECRETARIAT, null), actions);
  const parsed = parseDecisionInput({
    ...value,
    actions: actions.map((a) => ({ id: '', action: a.action, owner: a.owner, due: a.due ?? '' })),
    confirmed: true,
  });
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join());
  const { id } = recordDecision(ports, parsed.value);
  const after = readNetwork(wb).network;
  const checked = checkNetwork(after, TODAY).filter(
    (f) => f.ref === id || (f.rule === 'members.admission' && f.ref === value.subject),
  );
  return { guidance, checked };
}

const strip = (fs: readonly { rule: string; message: string; clause: string; fix: string }[]) =>
  fs.map(({ rule, message, clause, fix }) => ({ rule, message, clause, fix }));

describe('decisionGuidance', () => {
  it.each([
    [
      'decisions.consensus',
      { consulted: ['IOM', 'UNRC'] },
      /WHO and UNODC were members that day and are not in Consulted/,
    ],
    ['decisions.state-consultation', { stateRelevant: true }, /no consultation of the Ministry of Labour is recorded/],
    [
      'members.admission',
      { kind: 'Admission' as const, subject: 'UNODC', outcome: 'Pending' as const },
      /D-2026-01, the decision that admits it, is Pending, not Adopted/,
    ],
    ['decisions.follow-up', {}, /was adopted but no action point in Actions has it as Source/],
    ['decisions.evidence', {}, /was taken outside a meeting and names no written consultation/],
  ])('gives %s the finding and the clause the check gives once the decision is saved', (rule, over, message) => {
    const { guidance, checked } = guidedThenChecked(over);
    expect(guidance.map((f) => f.rule)).toContain(rule);
    const found = guidance.find((f) => f.rule === rule)!;
    expect(found.message).toMatch(message);
    expect(found.clause).not.toBe('');
    expect(strip(guidance)).toEqual(strip(checked.filter((f) => f.rule !== 'data.reference')));
  });

  it('counts the follow-up actions given with the decision', () => {
    const action: Action = {
      id: 'A-2026-001',
      source: 'D-2026-01',
      action: 'Draft the plan',
      owner: 'WHO',
      due: '2026-05-01',
      status: 'Open',
      doneOn: null,
      lastRemindedOn: null,
      notes: '',
    };
    const { guidance, checked } = guidedThenChecked({}, [action]);
    // Taken outside a meeting and with no written consultation: only how the members were asked is left to record.
    expect(guidance.map((f) => f.rule)).toEqual(['decisions.evidence']);
    expect(checked.filter((f) => f.rule.startsWith('decisions.')).map((f) => f.rule)).toEqual(['decisions.evidence']);
  });
});
