/**
 * The report menu items in dist/Code.js over the fake, in the language of the Settings row `Language`:
 * with Russian, the prompt, the tab's title line, headings, column headers, the GCM's objectives and
 * the toast are in Russian, read from dist/Messages-ru.html; with English, as they always were. The
 * tab's name is the contract's, whatever the language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, exampleGrids } from '../support/example';

let code = '';
let russian = '';
let grids: Record<string, Cell[][]> = {};
beforeAll(async () => {
  code = bundleCode();
  russian = readFileSync(path.join(__dirname, '..', '..', 'dist', 'Messages-ru.html'), 'utf8');
  grids = await exampleGrids();
});

/** The example as a member of UNDP opens it, its Settings saying `language`. */
function spreadsheet(language: 'English' | 'Russian'): { fake: GasFake; script: Script } {
  const sheets = {
    ...grids,
    Settings: grids.Settings!.map((row) => (row[0] === 'Language' ? [row[0], language] : row)),
  };
  const fake = createGasFake({
    owner: 'owner@un.org',
    activeUser: EXAMPLE_MEMBER,
    editors: [EXAMPLE_SECRETARIAT, EXAMPLE_MEMBER],
    sheets,
    htmlFiles: { 'Messages-ru': russian },
  });
  return { fake, script: loadBundle(code, fake) };
}

const column = (fake: GasFake, tab: string, at: number) => fake.sheetValues(tab).map((row) => String(row[at] ?? ''));

describe('a report tab in the language of the Settings', () => {
  it('in Russian: the prompt, title line, headings, headers, official GCM objectives and toast', () => {
    const { fake, script } = spreadsheet('Russian');
    fake.ui.answer({ button: 'OK', text: '' });
    script.reportGcmSummary!();
    const prompt = fake.ui.dialogs.find((d) => d.kind === 'prompt');
    expect(prompt?.content).toBe(
      'С какой даты (ГГГГ-ММ-ДД) по сегодняшний день? Оставьте поле пустым, чтобы выбрать период после последнего обзора ГДМ (начиная с 1 апреля 2026 г.).',
    );
    const tab = 'Report: GCM summary';
    expect(fake.sheetNames()).toContain(tab);
    const first = column(fake, tab, 0);
    const second = column(fake, tab, 1);
    expect(first[0]).toMatch(/^Материалы к обзору ГДМ за период с 1 апреля по \d+ [а-я]+ 2026 г\. — /);
    expect(first).toContain('23 цели');
    expect(first).toContain('Руководящие принципы');
    expect(first).toContain('a) Ориентированность на человека');
    expect(
      fake
        .sheetValues(tab)
        .find((row) => row[0] === 'Цель ГДМ')
        ?.slice(0, 3),
    ).toEqual(['Цель ГДМ', 'Цель', 'Ключевые мероприятия']);
    expect(second).toContain(
      'Сбор и использование точных и дезагрегированных данных в качестве основы для выработки эмпирически обоснованной политики',
    );
    expect(fake.ui.toasts.map((t) => t.message)).toEqual(['Вкладка «Report: GCM summary» обновлена.']);
  });

  it('in Russian: the workplan report, its Russian plurals and money format', () => {
    const { fake, script } = spreadsheet('Russian');
    fake.ui.answer({ button: 'OK', text: '2026' });
    script.reportWorkplanProgress!();
    expect(fake.ui.dialogs.find((d) => d.kind === 'prompt')?.content).toMatch(/^За какой год\? /);
    const tab = 'Report: Workplan progress';
    expect(column(fake, tab, 0)[0]).toMatch(/^Ход выполнения плана работы на 2026 год — /);
    expect(column(fake, tab, 1)).toContain('5 ключевых мероприятий');
    expect(JSON.stringify(fake.sheet(tab).numberFormats.grid({ row: 1, column: 1, rows: 40, columns: 14 }))).toContain(
      '#,##0\\" долл. США\\"',
    );
  });

  it('in English: as it always was', () => {
    const { fake, script } = spreadsheet('English');
    fake.ui.answer({ button: 'OK', text: '' });
    script.reportGcmSummary!();
    expect(fake.ui.dialogs.find((d) => d.kind === 'prompt')?.content).toBe(
      'From which day (YYYY-MM-DD) to today? Leave it blank for the days since the last GCM review, from 1 April 2026.',
    );
    const tab = 'Report: GCM summary';
    expect(column(fake, tab, 0)[0]).toMatch(/^GCM review pack, 1 April to \d+ [A-Z][a-z]+ 2026 — /);
    expect(column(fake, tab, 0)).toContain('The 23 objectives');
    expect(column(fake, tab, 0)).toContain('(a) People-centred');
    expect(column(fake, tab, 1)).toContain(
      'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    );
    expect(fake.ui.toasts.map((t) => t.message)).toEqual(['Report: GCM summary is up to date.']);
  });
});
