/**
 * The sidebar's Apps Script functions over the fake of the Apps Script services: what Sheets would
 * show, what google.script.run would carry, and what the sheet would hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../../src/domain/i18n';
import type { decisionSidebarData, recordDecisionRpc } from '../../src/app/decisions';
import { headerRow } from '../../src/domain/codec';
import { DecisionSidebarDataSchema, type DecisionInput } from '../../src/domain/rpc';
import {
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
} from '../../src/domain/tables';
import { callRpc_, runCommand_ } from '../../src/gas/main';
import { createGasFake } from '../fakes/gas';

const SECRETARIAT = 'coordinator@iom.int';
const MEMBER = 'focal@unicef.org';

const showDecisionSidebar = () => runCommand_('showDecisionSidebar');
const getDecisionSidebarData = () => callRpc_('getDecisionSidebarData', []) as ReturnType<typeof decisionSidebarData>;
const recordDecision = (input: unknown) => callRpc_('recordDecision', [input]) as ReturnType<typeof recordDecisionRpc>;

let uninstall: () => void = () => undefined;

afterEach(() => {
  uninstall();
  uninstall = () => undefined;
  useLanguage('en');
});

function sheets() {
  return {
    [SettingsTable.name]: [headerRow(SettingsTable), ['ToR profile', 'uzbekistan']],
    [MembersTable.name]: [
      headerRow(MembersTable),
      ['IOM', 'International Organization for Migration', 'Coordinator, Secretariat', 'Active', new Date(2024, 10, 6)],
      ['UNICEF', "United Nations Children's Fund", 'Member', 'Active', new Date(2024, 10, 6)],
    ],
    [FocalPointsTable.name]: [
      headerRow(FocalPointsTable),
      ['IOM', 'Coordinator', '', SECRETARIAT, 'Primary', true],
      ['UNICEF', 'Focal point', '', MEMBER, 'Primary', true],
    ],
    [MeetingsTable.name]: [
      headerRow(MeetingsTable),
      ['M-2026-01', new Date(2026, 2, 10), 'Regular', 'Online', 'First meeting', '', '', '', '', 'IOM', 'Held'],
    ],
    [DecisionsTable.name]: [headerRow(DecisionsTable)],
    [LogTable.name]: [headerRow(LogTable)],
  };
}

function install(activeUser = SECRETARIAT) {
  const fake = createGasFake({
    owner: 'owner@un.org',
    activeUser,
    editors: [SECRETARIAT, MEMBER],
    sheets: sheets(),
    htmlFiles: { DecisionSidebar: '<!DOCTYPE html><title>sidebar</title>' },
  });
  uninstall = fake.install();
  return fake;
}

function input(over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    date: '2026-03-10',
    meeting: 'M-2026-01',
    kind: 'General',
    title: 'Adopt the communication plan',
    decision: '',
    subject: '',
    consulted: ['IOM', 'UNICEF'],
    objections: [],
    outcome: 'Adopted',
    stateRelevant: false,
    stateConsultedOn: '',
    gcmObjectives: [],
    ...over,
  };
}

function hasDate(value: unknown): boolean {
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.some(hasDate);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasDate);
  return false;
}

describe('the decision sidebar in Sheets', () => {
  it('opens the built sidebar, 300 px wide, with its title', () => {
    const fake = install();
    showDecisionSidebar();
    expect(fake.ui.dialogs).toEqual([
      expect.objectContaining({ kind: 'sidebar', title: 'Record a decision', width: 300 }),
    ]);
  });

  it('hands the sidebar plain JSON with days as text, never a Date, reading each tab once and the language', () => {
    const fake = install();
    const { result: data, byMethod } = fake.calls.during(() => getDecisionSidebarData());
    expect(hasDate(data)).toBe(false);
    expect(DecisionSidebarDataSchema.safeParse(JSON.parse(JSON.stringify(data))).success).toBe(true);
    expect(data.meetings).toEqual([{ id: 'M-2026-01', date: '2026-03-10', title: 'First meeting', attendees: [] }]);
    expect(data.members[0]).toMatchObject({ code: 'IOM', joinedOn: '2024-11-06' });
    expect(data.user).toEqual({ email: SECRETARIAT, mayRecord: true, refusal: '' });
    // Six tabs, and Settings once more: callRpc_ reads the language before the handler runs.
    expect(byMethod['Sheet.getSheetValues']).toBe(7);
    expect(byMethod['Range.setValues'] ?? 0).toBe(0);
  });

  it('stores text that starts with = + - @ as text, not as a formula, and it reads back as typed', () => {
    const fake = install();
    const title = '=HYPERLINK("http://evil.example","open me")';
    const result = recordDecision(
      input({ title, decision: '+7 days; -2 objections', subject: '@IOM', kind: 'Admission' }),
    );
    expect(result).toMatchObject({ ok: true, id: 'D-2026-01' });
    const grid = fake.sheetValues(DecisionsTable.name);
    const header = grid[0] ?? [];
    const row = grid[1] ?? [];
    expect(row[header.indexOf('Title')]).toBe(title);
    expect(row[header.indexOf('Decision')]).toBe('+7 days; -2 objections');
    expect(row[header.indexOf('Subject')]).toBe('@IOM');
    expect(row[header.indexOf('Recorded by')]).toBe(SECRETARIAT);
    const log = fake.sheetValues(LogTable.name);
    expect(log[1]?.[2]).toBe('Decision recorded');
    expect(fake.ui.toasts.some((t) => /D-2026-01/.test(t.message))).toBe(true);
  });

  it('refuses a member with a message the failure handler shows, and writes nothing', () => {
    const fake = install(MEMBER);
    const before = JSON.stringify(fake.sheetValues(DecisionsTable.name));
    expect(() => recordDecision(input())).toThrow(/Only the Secretariat can record a decision/);
    expect(JSON.stringify(fake.sheetValues(DecisionsTable.name))).toBe(before);
    expect(fake.sheetValues(LogTable.name)).toHaveLength(1);
  });
});

describe('the decision sidebar in a network that works in Russian', () => {
  /** The pages as the build writes them: the test reads which one Apps Script was asked for. */
  const built = (page: string) => readFileSync(path.join(__dirname, '../../dist', `${page}.html`), 'utf8');

  function installRussian(activeUser = SECRETARIAT) {
    const tabs = sheets();
    const fake = createGasFake({
      owner: 'owner@un.org',
      activeUser,
      editors: [SECRETARIAT, MEMBER],
      sheets: { ...tabs, [SettingsTable.name]: [...tabs[SettingsTable.name], ['Language', 'Russian']] },
      htmlFiles: (name) => built(name),
    });
    uninstall = fake.install();
    return fake;
  }

  it('reads Settings, then opens the page built in Russian with its Russian title', () => {
    const fake = installRussian();
    showDecisionSidebar();
    runCommand_('showConsultationDialog');
    const [sidebar, dialog] = fake.ui.dialogs;
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Запись решения' });
    expect(sidebar?.content).toContain('<html lang="ru">');
    expect(sidebar?.content).toContain('<title>Решения и заседания</title>');
    expect(dialog).toMatchObject({ title: 'Ответ на консультацию' });
    expect(dialog?.content).toContain('<html lang="ru">');
  });

  it('opens the English page in a network that works in English', () => {
    const fake = createGasFake({ activeUser: SECRETARIAT, sheets: sheets(), htmlFiles: (name) => built(name) });
    uninstall = fake.install();
    showDecisionSidebar();
    expect(fake.ui.dialogs[0]).toMatchObject({ title: 'Record a decision' });
    expect(fake.ui.dialogs[0]?.content).toContain('<html lang="en">');
  });

  it('answers the sidebar in Russian: what it recorded, and each field it refuses', () => {
    const fake = installRussian();
    expect(recordDecision(input())).toMatchObject({ ok: true, id: 'D-2026-01' });
    expect(fake.ui.toasts.at(-1)).toMatchObject({
      message: 'Решение D-2026-01 записано в строке 2.',
      title: 'Решения',
    });
    expect(recordDecision(input({ meeting: 'M-2026-09', title: ' ' }))).toEqual({
      ok: false,
      errors: [{ field: 'title', message: 'Название: укажите краткое название решения' }],
    });
    expect(recordDecision(input({ meeting: 'M-2026-09' }))).toEqual({
      ok: false,
      errors: [
        {
          field: 'meeting',
          message:
            'Заседание: заседания M-2026-09 нет на вкладке «Meetings» (для письменной консультации оставьте поле пустым)',
        },
      ],
    });
  });
});
