/**
 * An in-memory fake of the Apps Script services the add-on uses, after Google's reference docs. Its
 * `globals` go on `globalThis` (or into `vm.createContext`) in place of the real ones; every call made
 * through them is counted in `calls`, and the fake's own helpers (`sheetValues`, `sheet`, ...) reach
 * into the state without counting.
 *
 * Not modelled: formulas beyond plain arithmetic, named ranges, filters, how a chart looks, comments,
 * and the real waiting of `waitLock` (another execution holding the lock makes it fail at once).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXECUTION_KILLED, type AuthMode } from './gas-calls';
import { Env, type Dialog, type RecordedMenu, type Toast } from './gas-env';
import { isDate, type Value } from './gas-grid';
import {
  DataValidationCriteria,
  FakeDataValidationBuilder,
  FakeRichTextValueBuilder,
  FakeSheet,
  FakeSpreadsheet,
  ProtectionType,
} from './gas-sheets';
import {
  AuthMode as AuthModes,
  Button,
  ButtonSet,
  FakeUi,
  LockState,
  MailState,
  PropertyStores,
  fakeConsole,
  fakeHtmlService,
  fakeLockService,
  fakeLogger,
  fakeMailApp,
  fakePropertiesService,
  fakeScriptApp,
  fakeSession,
  fakeUtilities,
  type Answer,
  type FakeTrigger,
} from './gas-services';

export type { AuthMode } from './gas-calls';
export type { Answer, FakeTrigger, SentMail } from './gas-services';
export type { Dialog, RecordedMenu, Toast } from './gas-env';
export { FakeSheet, FakeSpreadsheet } from './gas-sheets';
export type { Value } from './gas-grid';

export interface GasFakeOptions {
  /** The file's owner (default owner@iom.int). */
  owner?: string;
  /** Who runs the script ('' when Google does not tell, e.g. a consumer account across domains). */
  activeUser?: string;
  /** Whose authority the script runs with (default the active user, or the owner when unknown). */
  effectiveUser?: string;
  /** The file's other editors. */
  editors?: string[];
  /** The file belongs to a gmail.com account: no domain, so Protection.setDomainEdit throws. */
  ownerIsConsumer?: boolean;
  /** Everyone in the owner's Workspace domain may edit the file (protections start with domain edit on). */
  domainCanEdit?: boolean;
  /** Recipients left today (default 100 for a consumer owner, 1,500 for Workspace). */
  mailQuota?: number;
  /** The spreadsheet's time zone (default the process's). The script's zone is always the process's. */
  timeZone?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Tabs and their values to start with (default one empty "Sheet1"). */
  sheets?: Record<string, Value[][]>;
  /** The add-on's name, as `createAddonMenu` shows it. */
  addonName?: string;
  /** The script runs as an add-on (its trigger limits apply). Default true. */
  addon?: boolean;
  /** HTML files of the project by name (no .html), for HtmlService. */
  htmlFiles?: Record<string, string> | ((name: string) => string | undefined);
  authMode?: AuthMode;
  /** Whether SpreadsheetApp.getUi() works (false in a trigger). Default true. */
  uiAvailable?: boolean;
  /** The user's language setting, as Session.getActiveUserLocale gives it (default "en"). */
  locale?: string;
}

export type GasFake = ReturnType<typeof createGasFake>;

export function createGasFake(options: GasFakeOptions = {}) {
  const owner = options.owner ?? 'owner@iom.int';
  const ownerIsConsumer = options.ownerIsConsumer ?? /@(gmail|googlemail)\.com$/i.test(owner);
  const activeUser = options.activeUser ?? owner;
  const env = new Env({
    owner,
    activeUser,
    effectiveUser: options.effectiveUser ?? (activeUser || owner),
    editors: [...(options.editors ?? [])],
    ownerIsConsumer,
    domainCanEdit: options.domainCanEdit ?? false,
    timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  env.uiAvailable = options.uiAvailable ?? true;
  env.locale = options.locale ?? 'en';
  env.calls.authMode = options.authMode ?? 'FULL';

  const spreadsheet = new FakeSpreadsheet(
    env,
    options.spreadsheetId ?? 'fake-spreadsheet-id',
    options.spreadsheetName ?? 'UN Network on Migration',
  );
  for (const [name, grid] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    const sheet = spreadsheet._addSheet(name);
    loadGrid(sheet, grid);
  }
  spreadsheet.active = spreadsheet.sheets[0] ?? null;

  const answers: Answer[] = [];
  const locks = new LockState();
  const properties = new PropertyStores();
  const mail = new MailState(
    options.mailQuota ?? (ownerIsConsumer ? 100 : 1500),
    ownerIsConsumer ? 200 * 1024 : 400 * 1024,
  );
  const triggers: FakeTrigger[] = [];
  const sleeps: number[] = [];
  const html = options.htmlFiles;
  const given = typeof html === 'function' ? html : (name: string) => html?.[name];
  // The catalogues, libraries and modules read when first used are files of the pushed project, as the pages are: a test's own files stand in for
  // a page, and may replace a catalogue only by naming it.
  const files = (name: string) =>
    /^(Messages|Library|Module)-/.test(name)
      ? ((typeof html === 'object' ? html[name] : undefined) ?? projectFile(name))
      : given(name);
  const addonName = options.addonName ?? 'UN Network secretariat';

  const ui = new FakeUi(env, addonName, answers);
  const SpreadsheetApp = env.wrap('SpreadsheetApp', {
    ProtectionType,
    DataValidationCriteria,
    getActive: () => spreadsheet._wrapped(),
    getActiveSpreadsheet: () => spreadsheet._wrapped(),
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    flush: () => {
      env.flushes++;
      env.unflushed.clear();
    },
    newDataValidation: () => env.wrap('DataValidationBuilder', new FakeDataValidationBuilder(env)),
    newRichTextValue: () => env.wrap('RichTextValueBuilder', new FakeRichTextValueBuilder(env)),
    getUi: () => {
      if (!env.uiAvailable) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return env.wrap('Ui', ui);
    },
  });

  const globals = {
    SpreadsheetApp,
    Session: fakeSession(env),
    LockService: fakeLockService(env, locks, true),
    PropertiesService: fakePropertiesService(env, properties, true),
    MailApp: fakeMailApp(env, mail),
    ScriptApp: fakeScriptApp(env, spreadsheet, triggers, options.addon ?? true),
    HtmlService: fakeHtmlService(env, files),
    Utilities: fakeUtilities(env, sleeps),
    Logger: fakeLogger(env),
    console: fakeConsole(env),
  };

  /** A person's edit: the owner's, saved at once (with whatever the script had written to the tab before). */
  const asOwner = (sheet: FakeSheet, edit: (sheet: FakeSheet) => void) => {
    const effective = env.effectiveUser;
    env.effectiveUser = env.owner;
    try {
      edit(sheet);
    } finally {
      env.effectiveUser = effective;
    }
    sheet._saved();
  };

  const requireSheet = (name: string): FakeSheet => {
    const sheet = spreadsheet._sheet(name);
    if (!sheet) throw new Error(`The fake has no sheet named ${name}`);
    return sheet;
  };

  return {
    globals,
    /** The spreadsheet's model, uncounted: for assertions and setup, not for code under test. */
    spreadsheet,
    calls: env.calls,
    sentMail: mail.sent,
    mail,
    triggers,
    properties,
    locks,
    sleeps,
    ui: {
      menus: env.menus as RecordedMenu[],
      dialogs: env.dialogs as Dialog[],
      toasts: env.toasts as Toast[],
      /** Queues what the person answers to the next alerts and prompts, in order. */
      answer(...next: Answer[]) {
        answers.push(...next);
      },
      Button,
      ButtonSet,
    },
    logs: env.logs,
    get flushes() {
      return env.flushes;
    },
    AuthMode: AuthModes,

    /** Puts the globals on globalThis; returns the function that takes them off again. */
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
      const before = new Map(Object.keys(globals).map((k) => [k, Object.getOwnPropertyDescriptor(target, k)]));
      for (const [k, v] of Object.entries(globals))
        Object.defineProperty(target, k, { value: v, configurable: true, writable: true });
      return () => {
        for (const [k, d] of before) {
          if (d) Object.defineProperty(target, k, d);
          else delete target[k];
        }
      };
    },
    /**
     * The execution dies here (its 6 minutes are up, or Google stops it): the writes since the last
     * SpreadsheetApp.flush() are lost, the document lock is let go, and every later call of this
     * execution throws, as the code after a kill never runs. Throws that error itself.
     */
    kill(): never {
      for (const restore of env.unflushed.values()) restore();
      env.unflushed.clear();
      if (locks.holder === 'this') locks.holder = null;
      env.calls.killed = true;
      throw new Error(EXECUTION_KILLED);
    },
    /** The next execution starts (a trigger fires again, a person clicks): calls work again. */
    nextExecution() {
      env.calls.killed = false;
    },
    /** Runs the next code as another person (a member, a trigger's owner) or in another auth mode. */
    setContext(context: { activeUser?: string; effectiveUser?: string; authMode?: AuthMode; uiAvailable?: boolean }) {
      if (context.activeUser !== undefined) env.activeUser = context.activeUser;
      if (context.effectiveUser !== undefined || context.activeUser !== undefined) {
        env.effectiveUser = context.effectiveUser ?? (context.activeUser || env.owner);
      }
      if (context.authMode !== undefined) env.calls.authMode = context.authMode;
      if (context.uiAvailable !== undefined) env.uiAvailable = context.uiAvailable;
    },
    setEditors(editors: string[]) {
      env.editors = [...editors];
    },
    sheet: requireSheet,
    /**
     * A person at the keyboard while the script runs: `between` runs before each of the script's calls
     * (null: nobody), and the edits are saved at once, as Sheets saves a person's edits whatever lock a
     * script holds. The person is the owner, whom no protection keeps out.
     */
    person: {
      between(hook: ((method: string) => void) | null) {
        env.calls.before = hook;
      },
      insertRows(tab: string, before: number, count = 1) {
        asOwner(requireSheet(tab), (sheet) => sheet._insertRows(before - 1, count));
      },
      deleteRows(tab: string, row: number, count = 1) {
        asOwner(requireSheet(tab), (sheet) => sheet.deleteRows(row, count));
      },
      /**
       * Data > Sort range on the rows below the header, by one 1-based column, blank cells last as
       * Sheets puts them (values only: the fake's data tabs hold no formats per row).
       */
      sortRows(tab: string, column: number, descending = false) {
        asOwner(requireSheet(tab), (sheet) => {
          const body = sheet.rows.slice(1);
          const text = (line: Value[] | undefined) => String(line?.[column - 1] ?? '');
          body.sort(
            (a, b) =>
              (text(a) === '' ? 1 : 0) - (text(b) === '' ? 1 : 0) ||
              (descending ? -1 : 1) * text(a).localeCompare(text(b)),
          );
          sheet.rows.splice(1, body.length, ...body);
        });
      },
    },
    sheetNames: () => spreadsheet.sheets.map((s) => s.name),
    /** A tab's values as getDataRange().getValues() would give them, uncounted ([] when empty). */
    sheetValues(name: string): Value[][] {
      const sheet = requireSheet(name);
      const rows = sheet._lastRow();
      const columns = sheet._lastColumn();
      if (rows === 0) return [];
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => sheet._value(i + 1, j + 1)),
      );
    },
    /** Puts values into a tab as if a person typed them (no calls counted, protection ignored). */
    setSheetValues(name: string, grid: Value[][], row = 1, column = 1) {
      const sheet = spreadsheet._sheet(name) ?? spreadsheet._addSheet(name);
      loadGrid(sheet, grid, row, column);
    },
  };
}

function loadGrid(sheet: FakeSheet, grid: readonly (readonly Value[])[], row = 1, column = 1): void {
  const width = Math.max(0, ...grid.map((r) => r.length));
  sheet.maxRows = Math.max(sheet.maxRows, row + grid.length - 1);
  sheet.maxColumns = Math.max(sheet.maxColumns, column + width - 1);
  grid.forEach((line, i) =>
    line.forEach((v, j) =>
      sheet._put(row + i, column + j, { value: isDate(v) ? new Date(v.getTime()) : v, formula: '' }),
    ),
  );
  sheet._saved();
}

/** A file of the built project (dist/), as clasp pushes it; undefined when it is not there. */
function projectFile(name: string): string | undefined {
  const file = path.join(__dirname, '..', '..', 'dist', `${name}.html`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
