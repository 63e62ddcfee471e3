/**
 * `unmn report` on a copy of the example whose Settings say `Language: Russian`: the CSV headers, their
 * units, the HTML file (its lang, headings, official GCM objectives, footer and figures) in Russian.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLanguage } from '../../../src/domain/i18n';
import { main } from '../../../src/node/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { EXAMPLE_FILE, EXAMPLE_TODAY } from '../../support/example';
import { captureIo } from '../cli-io';

let dir = '';
let russianFile = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'unmn-report-ru-'));
  russianFile = path.join(dir, 'russian.xlsx');
  copyFileSync(EXAMPLE_FILE, russianFile);
  const workbook = await XlsxWorkbook.open(russianFile);
  const row = workbook.read('Settings')!.findIndex((r) => r[0] === 'Language');
  workbook.write('Settings', row + 1, 2, [['Russian']]);
  await workbook.save(russianFile);
});

afterAll(() => {
  useLanguage('en');
  rmSync(dir, { recursive: true, force: true });
});

async function report(name: string, file: string): Promise<string> {
  const out = mkdtempSync(path.join(dir, 'out-'));
  expect(await main(['report', name, file, '--today', EXAMPLE_TODAY, '--out', out], captureIo())).toBe(0);
  return out;
}

const csv = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];

describe('unmn report in the language of the workbook', () => {
  it('heads the CSV columns in Russian, their units too', async () => {
    const out = await report('workplan-progress', russianFile);
    const [header, ...rows] = csv(path.join(out, 'workplan-progress-2026-key-actions.csv'));
    expect(header).toEqual([
      'Идентификатор',
      'Ключевое мероприятие',
      'Ожидаемый результат',
      'Ведущее учреждение',
      'Учреждения-партнеры',
      'Начало',
      'Окончание',
      'Бюджет (долл. США)',
      'Профинансировано (долл. США)',
      'Дефицит финансирования (долл. США)',
      'Статус',
      'Ход выполнения (%)',
      'Достигнутые результаты',
      'Конечный результат Рамочной программы сотрудничества',
    ]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['Итого', '5 ключевых мероприятий']);
    const objectives = csv(path.join(out, 'workplan-progress-2026-by-gcm-objective.csv'));
    expect(objectives[0]!.slice(0, 3)).toEqual(['Цель ГДМ', 'Цель', 'Мероприятия']);
    expect(objectives[1]![1]).toBe(
      'Сбор и использование точных и дезагрегированных данных в качестве основы для выработки эмпирически обоснованной политики',
    );
  });

  it('writes the HTML copy in Russian: lang, headings, thousands grouped by a space, footer', async () => {
    const out = await report('workplan-progress', russianFile);
    const html = readFileSync(path.join(out, 'workplan-progress-2026.html'), 'utf8');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<h1>Ход выполнения плана работы на 2026 год</h1>');
    expect(html).toContain('<h2 id="by-gcm-objective">По целям ГДМ</h2>');
    expect(html).toContain('310\u00a0000 долл. США');
    expect(html).toContain('<figcaption>Бюджет и финансирование по целям ГДМ (долл. США)</figcaption>');
    expect(html).toContain('Подготовлено надстройкой unmn-secretariat 23 ноября 2026 г. на основе рабочей книги Сети.');
  });

  it('writes the GCM review pack’s CSV in Russian, and English from an English workbook as before', async () => {
    const ru = await report('gcm-summary', russianFile);
    const principles = csv(path.join(ru, 'gcm-summary-2026-04-01-to-2026-11-23-principles.csv'));
    expect(principles[0]).toEqual(['Принцип', 'Ключевые мероприятия', 'Идентификаторы в плане работы']);
    expect(principles[4]![0]).toBe('d) Верховенство права и надлежащие правовые процедуры');
    const en = await report('gcm-summary', EXAMPLE_FILE);
    const english = csv(path.join(en, 'gcm-summary-2026-04-01-to-2026-11-23-objectives.csv'));
    expect(english[0]!.slice(0, 5)).toEqual([
      'GCM objective',
      'Objective',
      'Key actions',
      'Budget (USD)',
      'Funded (USD)',
    ]);
    expect(readFileSync(path.join(en, 'gcm-summary-2026-04-01-to-2026-11-23.html'), 'utf8')).toContain(
      '<html lang="en">',
    );
  });
});
