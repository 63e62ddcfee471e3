/**
 * The add-on menu and the alerts of the menu items, through dist/Code.js over the fake, in the
 * network's language: Settings' `Language` once the add-on is used in the document, the user's own
 * language on a spreadsheet not set up, English before the add-on is used there (AuthMode.NONE).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGasFake, type GasFakeOptions } from '../fakes/gas';
import type { RecordedMenu } from '../fakes/gas-env';
import { bundleCode, loadBundle } from '../support/bundle';
import { EXAMPLE_MEMBER, exampleGrids } from '../support/example';
import type { Cell } from '../../src/ports';

const DIST = join(__dirname, '..', '..', 'dist');
let code = '';
let russian = '';
let example: Record<string, Cell[][]> = {};
beforeAll(async () => {
  code = bundleCode();
  russian = readFileSync(join(DIST, 'Messages-ru.html'), 'utf8');
  example = await exampleGrids();
});

/** The example network, working in Russian. */
function inRussian(): Record<string, Cell[][]> {
  const rows = (example.Settings ?? []).filter((row) => row[0] !== 'Language');
  return { ...example, Settings: [...rows, ['Language', 'Russian']] };
}

function settings(language: string): GasFakeOptions['sheets'] {
  return {
    Settings: [
      ['Setting', 'Value'],
      ['Network name', 'UN Network on Migration in Uzbekistan'],
      ['Language', language],
    ],
  };
}

function open(options: GasFakeOptions, authMode: 'NONE' | 'LIMITED' | 'FULL') {
  const fake = createGasFake({ ...options, authMode, htmlFiles: { 'Messages-ru': russian } });
  const script = loadBundle(code, fake);
  script.onOpen!({ authMode });
  const menu = fake.ui.menus[0] as RecordedMenu;
  const groups = menu.items.map((i) => i.caption);
  const items = menu.items.flatMap((i) => (i.submenu ? i.submenu.items.map((s) => s.caption) : []));
  return { fake, script, groups, items };
}

describe('the add-on menu', () => {
  it('is in Russian where Settings say Language = Russian', () => {
    const { groups, items, fake } = open({ sheets: settings('Russian') }, 'LIMITED');
    expect(groups).toEqual(['Записи', 'Проверка', 'Отчеты', 'Автоматизация', 'Настройка']);
    expect(items).toEqual(
      expect.arrayContaining([
        'Записать решение',
        'Проверить соблюдение круга ведения',
        'Настроить / восстановить таблицу',
      ]),
    );
    // One read of Settings, nothing else of the sheets.
    expect(fake.calls.byMethod['Sheet.getSheetValues']).toBe(1);
  });

  it('is in English, as before, where Settings say Language = English', () => {
    const { groups, items } = open({ sheets: settings('English') }, 'FULL');
    expect(groups).toEqual(['Record', 'Check', 'Reports', 'Automation', 'Set up']);
    expect(items).toEqual(expect.arrayContaining(['Record a decision', 'Run compliance check', 'Help']));
  });

  it('before the add-on is used in the document, is in English and reads nothing', () => {
    const { groups, fake } = open({ sheets: settings('Russian'), locale: 'ru' }, 'NONE');
    expect(groups).toContain('Set up');
    expect(Object.keys(fake.calls.byMethod).filter((m) => /^(Sheet|Range|Spreadsheet|HtmlService)\./.test(m))).toEqual(
      [],
    );
  });

  it('on a spreadsheet not set up yet, follows the user’s language', () => {
    expect(open({ locale: 'ru_RU' }, 'FULL').groups).toContain('Настройка');
  });
});

describe('the alerts of the menu items', () => {
  it('refuse a member in Russian before anything else is read', () => {
    const fake = createGasFake({
      owner: 'owner@un.org',
      activeUser: EXAMPLE_MEMBER,
      sheets: inRussian(),
      htmlFiles: { 'Messages-ru': russian },
    });
    loadBundle(code, fake).setupWorkbook!();
    const alert = fake.ui.dialogs.find((d) => d.kind === 'alert');
    expect(alert?.title).toBe('Настроить / восстановить таблицу');
    expect(alert?.content).toMatch(
      /^Только секретариат может настроить или восстановить таблицу: это координаторы IOM \(«Chair», .*\. Вы вошли как malika\.yusupova@undp\.org\.$/,
    );
  });

  it('say the lock is busy in Russian', () => {
    const fake = createGasFake({ sheets: settings('Russian'), htmlFiles: { 'Messages-ru': russian } });
    fake.locks.holdByOther();
    loadBundle(code, fake).setupWorkbook!();
    expect(fake.ui.dialogs.find((d) => d.kind === 'alert')?.content).toBe(
      'С этой таблицей еще работает другой запуск надстройки (ожидание 30 с). Повторите попытку через минуту.',
    );
  });
});
