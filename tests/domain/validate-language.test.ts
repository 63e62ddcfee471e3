/**
 * The cells' validation messages in the network's language: Russian names the contract's headers and
 * values in English, in «…», as they stand in the workbook; English reads as it always has.
 */
import { describe, expect, it } from 'vitest';
import { decodeTable, headerRow } from '../../src/domain/codec';
import { inLanguage } from '../../src/domain/i18n';
import { formatProblem } from '../../src/domain/problems';
import { MeetingsTable } from '../../src/domain/tables';

function meetingsWith(cells: Record<string, string | number>): string[] {
  const header = headerRow(MeetingsTable);
  const row = header.map((h) => cells[h] ?? '');
  return decodeTable(MeetingsTable, [header, row]).problems.map(formatProblem);
}

const BAD = { ID: 'M-001', Date: '2026-02-30', Kind: 'Network', Status: 'Postponed', 'Duration (minutes)': 0 };

describe('a meeting row that breaks the contract', () => {
  it('is told in Russian, naming tab, row and column, the values in «…»', () => {
    const problems = inLanguage('ru', () => meetingsWith(BAD));
    expect(problems).toContain(
      'Meetings!2 Status: «Postponed» не подходит: требуется одно из значений «Planned», «Held», «Cancelled»',
    );
    expect(problems).toContain(
      'Meetings!2 Date: «2026-02-30» не является датой; ожидается дата с 1900 по 2100 год (ячейка с датой или текст в формате ГГГГ-ММ-ДД)',
    );
    expect(problems).toContain('Meetings!2 Duration (minutes): 0 не подходит: требуется целое число не менее 1');
  });

  it('is told in English as before', () => {
    const problems = meetingsWith(BAD);
    expect(problems).toContain('Meetings!2 Status: "Postponed" is not one of Planned, Held, Cancelled');
    expect(problems).toContain(
      'Meetings!2 Date: "2026-02-30" is not a date; expected a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)',
    );
    expect(problems).toContain('Meetings!2 Duration (minutes): 0 is not a whole number of at least 1');
  });

  it('says in Russian which header is missing, and the table’s expectations follow the language', () => {
    const header = headerRow(MeetingsTable).filter((h) => h !== 'Status');
    const problems = inLanguage('ru', () => decodeTable(MeetingsTable, [header]).problems.map(formatProblem));
    expect(problems).toEqual([
      'Meetings!1 Status: На листе Meetings нет столбца Status; ожидается заголовок «Status» в строке 1 (его добавляет команда «Настроить / восстановить таблицу»)',
    ]);
    expect(inLanguage('ru', () => MeetingsTable.columns.mode.expected)).toBe(
      'одно из значений «In person», «Online», «Hybrid»',
    );
    expect(MeetingsTable.columns.mode.expected).toBe('one of In person, Online, Hybrid');
  });
});
