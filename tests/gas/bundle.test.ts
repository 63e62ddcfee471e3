/**
 * dist/Code.js as Apps Script runs it: one script in a fresh context whose only globals are the
 * services (here the fake's), called by top-level function name.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerRow } from '../../src/domain/codec';
import { PROFILES } from '../../src/domain/profiles';
import { settingsRows } from '../../src/domain/settings';
import { TABLES } from '../../src/domain/tables';
import { commandIds, commands, type CommandId } from '../../src/app/commands';
import { RPC_NAMES } from '../../src/domain/rpc';
import { createGasFake, type GasFake, type RecordedMenu } from '../fakes/gas';
import { bundleCode, loadBundle } from '../support/bundle';

const ROOT = join(__dirname, '..', '..');

/** Top-level function declarations of a script, as Apps Script finds them. */
function topLevelFunctions(code: string): Set<string> {
  return new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1] as string));
}

let code = '';
beforeAll(() => {
  code = bundleCode();
});

const load = (fake: GasFake) => loadBundle(code, fake);

function menuItems(menu: RecordedMenu): { caption: string; functionName: string }[] {
  return menu.items.flatMap((item) =>
    item.submenu
      ? menuItems(item.submenu)
      : item.functionName
        ? [{ caption: item.caption, functionName: item.functionName }]
        : [],
  );
}

describe('dist/Code.js', () => {
  // The design's budget is 250 KB (230 KB on 7 December 2026). The messages are not in Code.js: each
  // language is a project file of its own (Messages-en.html, Messages-ru.html) read by the first
  // message an execution writes, and only the English menu, which onOpen builds before it may read any
  // file, is inline; each key is a name of a letter or two (build/message-names.json has the long
  // ones). The iCalendar library is Library-ical.html, read by an execution that writes an invitation.
  it('stays within the 250 KB budget and holds no exceljs or Node code', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(250 * 1024);
    expect(code).not.toMatch(/exceljs|\brequire\(|from ["']node:|["']node:[a-z]/);
  });

  it('names each message by a short name, the same in the code and in the catalogues', () => {
    const names = JSON.parse(readFileSync(join(ROOT, 'build', 'message-names.json'), 'utf8')) as Record<string, string>;
    const menuKey = 'menu.command.run-compliance-check';
    expect(Object.keys(names).length).toBeGreaterThan(500);
    for (const key of Object.keys(names)) expect(code, key).not.toContain(`"${key}"`);
    expect(code).toMatch(new RegExp(`[{,]${names[menuKey]}:`));
    expect(readFileSync(join(ROOT, 'dist', 'Messages-ru.html'), 'utf8')).toMatch(new RegExp(`[{,]${names[menuKey]}:`));
  });

  it('reads the iCalendar library from its own file, only when an invitation is written', () => {
    expect(code).not.toContain('VCALENDAR');
    expect(readFileSync(join(ROOT, 'dist', 'Library-ical.html'), 'utf8')).toContain('VCALENDAR');
    const fake = createGasFake();
    load(fake);
    expect(fake.calls.of('HtmlService.createHtmlOutputFromFile')).toBe(0);
  });

  it('leaves the catalogues to their own files, but for the English menu', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'src/domain/i18n/messages/en/rules.json'), 'utf8'));
    const menu = JSON.parse(readFileSync(join(ROOT, 'src/domain/i18n/messages/en/menu.json'), 'utf8'));
    const longest = Object.values(en as Record<string, string>).sort((x, y) => y.length - x.length)[0]!;
    expect(code).not.toContain(longest.slice(0, 40));
    expect(code).toContain(JSON.stringify(Object.values(menu as Record<string, string>)[0]));
    for (const language of ['en', 'ru'])
      expect(existsSync(join(ROOT, 'dist', `Messages-${language}.html`)), language).toBe(true);
  });

  it('loads without calling any service', () => {
    const fake = createGasFake();
    load(fake);
    expect(fake.calls.total).toBe(0);
  });

  it('builds the add-on menu in AuthMode.NONE, touching neither Properties nor sheet data', () => {
    const fake = createGasFake({ authMode: 'NONE' });
    const script = load(fake);
    script.onOpen?.({ authMode: 'NONE' });
    const methods = Object.keys(fake.calls.byMethod);
    expect(methods.filter((m) => /^(Properties|PropertiesService|Sheet|Range|Spreadsheet)\./.test(m))).toEqual([]);
    expect(fake.ui.menus).toHaveLength(1);
    const menu = fake.ui.menus[0] as RecordedMenu;
    expect(menu.addon).toBe(true);
    expect(menuItems(menu).map((i) => i.functionName)).toEqual(expect.arrayContaining(['setupWorkbook', 'showHelp']));
    expect(menu.items.map((i) => i.caption)).toEqual(expect.arrayContaining(['Set up']));
  });

  it('onInstall builds the same menu', () => {
    const fake = createGasFake();
    load(fake).onInstall?.({ authMode: 'FULL' });
    expect(fake.ui.menus).toHaveLength(1);
  });

  it('has a top-level function for every command of the table, each in the menu, and the macros the table marks', () => {
    const declared = topLevelFunctions(code);
    const fake = createGasFake();
    const script = load(fake);
    script.onOpen?.({ authMode: 'FULL' });
    const built = menuItems(fake.ui.menus[0] as RecordedMenu);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'appsscript.json'), 'utf8')) as {
      sheets?: { macros?: { functionName: string; menuName: string }[] };
    };
    const macros = manifest.sheets?.macros ?? [];
    for (const name of [...commandIds(), ...RPC_NAMES, 'onOpen', 'onInstall']) {
      expect(declared.has(name), `${name} is a top-level function of dist/Code.js`).toBe(true);
      expect(typeof script[name], name).toBe('function');
    }
    expect(built.map((i) => i.functionName).sort()).toEqual([...commandIds()].sort());
    for (const item of built) expect(item.caption).toBe(commands()[item.functionName as CommandId].label);
    const marked = commandIds().filter((id) => 'macro' in commands()[id]);
    expect(macros.map((m) => m.functionName).sort()).toEqual(marked.sort());
    expect(macros.find((m) => m.functionName === 'runComplianceCheck')).toMatchObject({
      menuName: 'Run compliance check',
      defaultShortcut: 'Ctrl+Alt+Shift+1',
    });
  });

  it('keeps its dispatchers private: no top-level function ends in "_", none is a command and an export at once', () => {
    expect([...topLevelFunctions(code)].filter((n) => n.endsWith('_'))).toEqual([]);
  });

  it('has a top-level function for every google.script.run call the sidebar makes', () => {
    const source = readdirSync(join(ROOT, 'sidebar'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => readFileSync(join(ROOT, 'sidebar', f), 'utf8'))
      .join('\n');
    const targets = [...source.matchAll(/\bcall\('([A-Za-z_$][\w$]*)'/g)].map((m) => m[1] as string);
    expect(targets).toEqual(
      expect.arrayContaining([
        'getDecisionSidebarData',
        'recordDecision',
        'getConsultationPanelData',
        'openConsultation',
        'closeConsultation',
        'getConsultationDialogData',
        'answerConsultation',
      ]),
    );
    const names = topLevelFunctions(code);
    for (const target of targets) expect(names.has(target), target).toBe(true);
  });

  it('showConsultationDialog() is a global that opens the answer dialog, its page built into dist/', () => {
    expect(topLevelFunctions(code).has('showConsultationDialog')).toBe(true);
    const page = (name: string) => readFileSync(join(ROOT, 'dist', `${name}.html`), 'utf8');
    const fake = createGasFake({ uiAvailable: true, htmlFiles: page });
    loadBundle(code, fake).showConsultationDialog!();
    expect(fake.ui.dialogs.map((d) => [d.kind, d.title])).toEqual([['modal', 'Answer a consultation']]);
    expect(fake.ui.dialogs[0]?.content).toBe(page('ConsultationDialog'));
  });

  it('setupWorkbook() asks for the profile and the name, then creates every tab of WORKBOOK.md on an empty spreadsheet', () => {
    const fake = createGasFake();
    fake.ui.answer({ button: 'OK', text: 'Uzbekistan' }, { button: 'OK', text: 'UNNM Uzbekistan' });
    load(fake).setupWorkbook?.();
    expect(fake.sheetNames()).toEqual(TABLES.map((t) => t.name));
    // The Compliance tab's summary line stands above its header.
    for (const def of TABLES)
      expect(fake.sheetValues(def.name)[def.name === 'Compliance' ? 1 : 0], def.name).toEqual(headerRow(def));
    expect(fake.sheetValues('Settings').slice(1)).toEqual(
      settingsRows({ ...PROFILES.uzbekistan.defaults, networkName: 'UNNM Uzbekistan' }),
    );
    const report = fake.ui.dialogs.find((d) => d.kind === 'alert');
    expect(report?.content).toMatch(/^added tab Settings\n/);
    expect(report?.content).toContain('removed the empty tab Sheet1');
    expect(fake.sheet('Members').sheetProtection?.editors).toEqual(['owner@iom.int']);
    expect(fake.ui.dialogs.map((d) => d.kind)).toEqual(['prompt', 'prompt', 'alert', 'modal']);
  });

  it('setupWorkbook() takes blank answers as the custom profile and its defaults', () => {
    const fake = createGasFake();
    load(fake).setupWorkbook?.();
    expect(fake.sheetNames()).toEqual(TABLES.map((t) => t.name));
    expect(fake.sheetValues('Settings').slice(1)).toEqual(settingsRows(PROFILES.custom.defaults));
  });

  it('setupWorkbook() stores a network name that looks like a formula as text', () => {
    const fake = createGasFake();
    const name = '=IMPORTXML("https://example.org", "//a")';
    fake.ui.answer({ button: 'OK', text: 'custom' }, { button: 'OK', text: name });
    load(fake).setupWorkbook?.();
    const row = fake.sheetValues('Settings').find((r) => r[0] === 'Network name');
    expect(row?.[1]).toBe(name);
    expect(fake.sheet('Settings').formulas.size).toBe(0);
  });

  it('setupWorkbook() writes nothing when the person cancels the questions', () => {
    const fake = createGasFake();
    fake.ui.answer({ button: 'CANCEL' });
    load(fake).setupWorkbook?.();
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  it('setupWorkbook() tells a member who is not secretariat who may run it, and changes nothing', () => {
    const fake = createGasFake({
      activeUser: 'dyusupova@undp.org',
      editors: ['dyusupova@undp.org', 'akarimova@iom.int'],
    });
    fake.ui.answer({ button: 'OK', text: 'custom' }, { button: 'OK', text: '' });
    const owner = load(fake);
    fake.setContext({ activeUser: 'owner@iom.int' });
    owner.setupWorkbook?.();
    fake.setSheetValues('Members', [['IOM', 'IOM', 'Secretariat', 'Active']], 2);
    fake.setSheetValues('Focal points', [['IOM', 'A. Karimova', '', 'akarimova@iom.int', 'Primary', true]], 2);
    const before = fake.sheetNames().map((n) => fake.sheetValues(n));
    fake.setContext({ activeUser: 'dyusupova@undp.org' });
    fake.ui.dialogs.length = 0;
    load(fake).setupWorkbook?.();
    expect(fake.sheetNames().map((n) => fake.sheetValues(n))).toEqual(before);
    expect(fake.ui.dialogs).toEqual([
      expect.objectContaining({
        kind: 'alert',
        content: expect.stringMatching(
          /^Only the Secretariat can set up or repair the workbook: the focal points of IOM \(Secretariat\).*You are signed in as dyusupova@undp\.org\.$/,
        ),
      }),
    ]);
  });

  it('showHelp() opens a dialog that says what each tab is for', () => {
    const fake = createGasFake();
    load(fake).showHelp?.();
    const dialog = fake.ui.dialogs.find((d) => d.kind === 'modal');
    for (const def of TABLES) expect(dialog?.content).toContain(`<dt>${def.name}</dt>`);
    expect(dialog?.content).toContain('The member register: one row a member entity, its roles and status.');
  });
});
