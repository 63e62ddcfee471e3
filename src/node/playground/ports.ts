/**
 * The ports of the playground: the working .xlsx file (parsed again whenever it changes on disk), a clock that
 * can be pinned to a day, the user being acted as, a Ui that collects what Sheets would show as
 * toasts and alerts, an in-process document lock, and the file outbox.
 */
import { stat } from 'node:fs/promises';
import { dayOfDate, timestampOfDate } from '../../domain/dates';
import { pageInLanguage, t } from '../../domain/i18n';
import type { Clock, DialogPage, Lock, Ports, TabChart, TabStyle, Ui, WorkbookPort } from '../../ports';
import { MemoryInbox } from '../inbox';
import { FileOutbox } from '../outbox';
import { XlsxWorkbook } from '../xlsx/workbook';

/** What Sheets would show: a toast or alert, a page of dist/ in the sidebar, or an HTML dialog. */
export type UiMessage =
  | { readonly kind: 'toast' | 'alert'; readonly title: string; readonly message: string }
  | { readonly kind: 'sidebar'; readonly title: string; readonly page: string }
  | {
      readonly kind: 'dialog' | 'page-dialog';
      readonly title: string;
      readonly content: string;
      readonly width: number;
      readonly height: number;
    };

export function clockFor(today: string | undefined): Clock {
  return {
    today: () => today ?? dayOfDate(new Date()),
    now: () => {
      const now = timestampOfDate(new Date());
      return today === undefined ? now : `${today}${now.slice(10)}`;
    },
  };
}

class CollectingUi implements Ui {
  readonly messages: UiMessage[] = [];

  toast(message: string, title = ''): void {
    this.messages.push({ kind: 'toast', title, message });
  }

  alert(message: string, title = ''): void {
    this.messages.push({ kind: 'alert', title, message });
  }

  /** Nobody can answer a prompt between two requests: the default is taken, as a blank answer asks. */
  prompt(): string {
    return '';
  }

  showSidebar(page: string, title: string): void {
    this.messages.push({ kind: 'sidebar', title, page: pageInLanguage(page) });
  }

  showDialog(page: DialogPage): void {
    const size = { title: page.title, width: page.width, height: page.height };
    this.messages.push(
      'html' in page
        ? { kind: 'dialog', content: page.html, ...size }
        : { kind: 'page-dialog', content: pageInLanguage(page.page), ...size },
    );
  }
}

/**
 * The server runs one command at a time, so nothing else can hold this lock; like the Apps Script
 * adapter it is re-entrant, so a use case run from another keeps the outer one's lock.
 */
export class ProcessLock implements Lock {
  private depth = 0;

  withDocumentLock<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  get held(): boolean {
    return this.depth > 0;
  }
}

const MUTATIONS = new Set([
  'write',
  'writeLinks',
  'paint',
  'clearFrom',
  'addTab',
  'removeEmptyTab',
  'format',
  'style',
  'chart',
]);

/**
 * How a result tab looks in Sheets beyond its values: its number formats, colours and charts. An
 * .xlsx holds no chart the add-on draws, so the playground keeps them (and the rest of the look,
 * which it would otherwise have to read back from the file) for as long as it runs.
 */
export interface TabLook {
  style?: TabStyle;
  fills?: { readonly row: number; readonly column: number; readonly colors: (string | null)[][] };
  charts: readonly TabChart[];
}

/**
 * The workbook with a note of whether anything was changed (so that a refused command saves nothing)
 * and of the tabs it wrote to, in order; the look of the tabs a run styles, paints or charts goes
 * into `looks`, and a tab cleared or added starts with none.
 */
export function tracking(
  workbook: WorkbookPort,
  looks: Map<string, TabLook> = new Map(),
): { port: WorkbookPort; changed: () => boolean; tabs: () => string[] } {
  let changed = false;
  const tabs: string[] = [];
  const look = (tab: string) => looks.get(tab) ?? looks.set(tab, { charts: [] }).get(tab)!;
  const record: Partial<Record<string, (tab: string, ...args: never[]) => void>> = {
    clearFrom: (tab: string, fromRow: number) => fromRow <= 1 && looks.delete(tab),
    addTab: (tab: string) => looks.delete(tab),
    style: (tab: string, style: TabStyle) => (look(tab).style = style),
    paint: (tab: string, row: number, column: number, colors: (string | null)[][]) =>
      (look(tab).fills = { row, column, colors }),
    chart: (tab: string, charts: readonly TabChart[]) => (look(tab).charts = charts),
  };
  const port = new Proxy(workbook, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' && name !== 'chart') return value;
      return (...args: unknown[]) => {
        if (typeof name === 'string' && MUTATIONS.has(name)) {
          changed = true;
          if (typeof args[0] === 'string') tabs.push(args[0]);
        }
        if (typeof name === 'string') (record[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).apply(target, args) : undefined;
      };
    },
  });
  return { port, changed: () => changed, tabs: () => tabs };
}

export interface Outcome<T> {
  readonly value?: T;
  readonly error?: Error;
  readonly messages: UiMessage[];
  readonly saved: boolean;
  /** The tabs the run wrote to, in order. */
  readonly tabs: readonly string[];
}

export interface PlaygroundConfig {
  readonly file: string;
  readonly outboxDir: string;
  readonly today?: string;
  user: string;
}

/**
 * Runs use cases on the working file one at a time: load, run, save when something was written.
 * Every change reaches the file at once; a command that writes nothing leaves it byte for byte.
 */
export class PlaygroundSession {
  readonly outbox: FileOutbox;
  /** The members' answers waiting for a run of the secretariat, for as long as the playground runs. */
  readonly inbox = new MemoryInbox();
  /** The look of the result tabs written since the playground started (see TabLook). */
  readonly looks = new Map<string, TabLook>();
  private queue: Promise<unknown> = Promise.resolve();
  private cached: { workbook: XlsxWorkbook; stamp: string } | undefined;

  constructor(readonly config: PlaygroundConfig) {
    this.outbox = new FileOutbox(config.outboxDir, () => clockFor(config.today).now());
  }

  private serial<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * The workbook as the file holds it now. Parsing an .xlsx takes a good part of a second, so the
   * parsed copy is kept for as long as the file's size and modification time say nobody changed it.
   */
  private async load(): Promise<XlsxWorkbook> {
    const info = await stat(this.config.file).catch(() => null);
    const stamp = info ? `${info.size}:${info.mtimeMs}` : '';
    if (this.cached && stamp !== '' && this.cached.stamp === stamp) return this.cached.workbook;
    const workbook = await XlsxWorkbook.open(this.config.file);
    this.cached = { workbook, stamp };
    return workbook;
  }

  private async saved(workbook: XlsxWorkbook): Promise<void> {
    this.cached = undefined;
    await workbook.save(this.config.file);
    const info = await stat(this.config.file);
    this.cached = { workbook, stamp: `${info.size}:${info.mtimeMs}` };
  }

  read<T>(fn: (workbook: XlsxWorkbook) => T): Promise<T> {
    return this.serial(async () => fn(await this.load()));
  }

  run<T>(fn: (ports: Ports) => T): Promise<Outcome<T>> {
    return this.serial(async () => {
      const workbook = await this.load();
      const { port, changed, tabs } = tracking(workbook, this.looks);
      const ui = new CollectingUi();
      const user = this.config.user;
      const ports: Ports = {
        workbook: port,
        clock: clockFor(this.config.today),
        user: { email: () => user, owner: () => '' },
        ui,
        lock: new ProcessLock(),
        mailer: this.outbox,
        inbox: this.inbox,
      };
      let value: T | undefined;
      let error: Error | undefined;
      try {
        value = fn(ports);
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
      }
      // Told when text the user typed held characters a spreadsheet file cannot hold.
      if (workbook.removedCharacters() > 0)
        ui.toast(t('playground.server.removed-characters'), t('playground.server.removed-characters-title'));
      const saved = changed();
      if (saved) await this.saved(workbook);
      return { ...(error ? { error } : { value: value as T }), messages: ui.messages, saved, tabs: tabs() };
    });
  }
}
