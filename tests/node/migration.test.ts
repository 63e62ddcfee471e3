/**
 * A workbook made by the first edition (the example as it was shipped before the rules' second
 * edition, kept in tests/fixtures) set up again by the second: the new tabs, columns and settings
 * arrive, no data cell moves, and the check finds nothing that only the migration caused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { decodeNetwork, type Grids } from '../../src/domain/network';
import { checkNetwork, type Finding } from '../../src/domain/rules';
import { settingKeyOf } from '../../src/domain/settings';
import { TABLES } from '../../src/domain/tables';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';

const FIRST_EDITION = 'tests/fixtures/first-edition-example.xlsx';
const TODAY = '2026-11-23';
const NEW_SETTINGS = [
  'minutesApprovalDueDays',
  'rcoArchiveRequired',
  'workplanEndorsementDueDays',
  'disclosureNeedsAgreement',
  'consultationReminderDays',
  'language',
  'timeZone',
];

function grids(workbook: XlsxWorkbook): Grids {
  return Object.fromEntries(
    TABLES.map((def) => [def.name, workbook.hasTab(def.name) ? workbook.read(def.name) : null]),
  );
}

const comparable = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.severity} ${f.rule} ${f.sheet} ${f.row} ${f.ref} ${f.message}`);

describe('a first-edition workbook set up by the second edition', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'unmn-migration-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const before = grids(await XlsxWorkbook.open(FIRST_EDITION));
  const workbook = await XlsxWorkbook.open(FIRST_EDITION);
  const report = setupWorkbook(workbook);
  const saved = path.join(dir, 'migrated.xlsx');
  await workbook.save(saved);
  const after = grids(await XlsxWorkbook.open(saved));

  it("gains the second edition's tabs, columns and settings, and says so", () => {
    expect(before.Consultations).toBeNull();
    expect(after.Consultations?.[0]).toEqual([
      'ID',
      'Opened on',
      'Deadline',
      'Kind',
      'Title',
      'Proposal',
      'Proposal link',
      'Subject',
      'Status',
      'Outcome',
      'Closed on',
      'Decision',
    ]);
    expect(after.Answers?.[0]).toEqual(['Timestamp', 'Consultation', 'Agency', 'Answer', 'Comment', 'Answered by']);
    expect(after.Meetings?.[0]?.slice(-4)).toEqual(['Time', 'Duration (minutes)', 'Venue or link', 'Agenda link']);
    expect(after.Decisions?.[0]?.slice(-1)).toEqual(['Consultation']);
    const settings = new Set((after.Settings ?? []).map((row) => settingKeyOf(String(row[0] ?? ''))));
    for (const key of NEW_SETTINGS) expect(settings.has(key as never), key).toBe(true);
    expect(report.changes).toContain('added tab Consultations');
    expect(report.changes).toContain('added column Consultation to Decisions');
  });

  it('changes no cell that held data: every row and column of the first edition reads as it did', () => {
    for (const def of TABLES) {
      const old = before[def.name];
      if (old === null || old === undefined || def.name === 'Compliance') continue;
      const now = after[def.name] ?? [];
      old.forEach((row, r) =>
        row.forEach((cell: Cell, c) => expect(now[r]?.[c], `${def.name} ${r + 1}:${c + 1}`).toEqual(cell)),
      );
    }
  });

  it('finds only what the second edition finds in the same records: nothing comes from the migration itself', () => {
    const migrated = checkNetwork(decodeNetwork(after), TODAY);
    expect(migrated.filter((f) => f.rule.startsWith('data.'))).toEqual([]);
    const unmigrated = checkNetwork(decodeNetwork(before), TODAY);
    // Before set up, the check reports only what the first edition's file lacks: the new tabs and columns.
    const lacks = unmigrated.filter((f) => f.rule === 'data.invalid');
    expect(lacks.every((f) => f.row === null || f.row === 1)).toBe(true);
    expect(lacks.map((f) => f.message)).toContain('Meetings, row 1, column Time: The Meetings tab has no column Time');
    expect(comparable(migrated)).toEqual(comparable(unmigrated.filter((f) => f.rule !== 'data.invalid')));
  });
});
