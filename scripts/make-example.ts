/**
 * Writes the example workbook from the records kept as code in examples/uzbekistan.ts, through the
 * same setup use case and codec the add-on uses, so the file always has the contract's shape.
 */
import { withLockedTabs } from '../src/app/repository';
import { setupWorkbook } from '../src/app/setup';
import { settingsRows } from '../src/domain/settings';
import {
  ActionsTable,
  AnswersTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  WorkingGroupsTable,
  WorkplanTable,
  type RecordOf,
  type TableDef,
} from '../src/domain/tables';
import { XlsxWorkbook } from '../src/node/xlsx/workbook';
import type { Lock } from '../src/ports';
import { EXAMPLE } from '../examples/uzbekistan';

/** The file is still being made in memory: nobody else can append to it, so there is no one to lock out. */
const UNSHARED: Lock = { withDocumentLock: (fn) => fn() };

function append<T extends TableDef>(workbook: XlsxWorkbook, def: T, records: readonly RecordOf<T>[]): void {
  withLockedTabs({ workbook, lock: UNSHARED }, (tabs) => {
    tabs.read(def);
    tabs.append(def, records);
  });
}

export function buildExample(): XlsxWorkbook {
  const workbook = XlsxWorkbook.create();
  setupWorkbook(workbook, { profile: EXAMPLE.settings.torProfile ?? 'custom' });
  // Setup lists every setting in this same order from row 2; the example's values replace the profile's.
  workbook.write(SettingsTable.name, 2, 1, settingsRows(EXAMPLE.settings));
  append(workbook, MembersTable, EXAMPLE.members);
  append(workbook, FocalPointsTable, EXAMPLE.focalPoints);
  append(workbook, MeetingsTable, EXAMPLE.meetings);
  append(workbook, DecisionsTable, EXAMPLE.decisions);
  append(workbook, ActionsTable, EXAMPLE.actions);
  append(workbook, WorkplanTable, EXAMPLE.workplan);
  append(workbook, WorkingGroupsTable, EXAMPLE.groups);
  append(workbook, ConsultationsTable, EXAMPLE.consultations);
  append(workbook, AnswersTable, EXAMPLE.answers);
  append(workbook, LogTable, EXAMPLE.log);
  return workbook;
}

export async function writeExample(file: string): Promise<void> {
  await buildExample().save(file);
}
