/**
 * What the use cases need from the world. `gas/` implements these over Apps Script services, `node/`
 * over an xlsx file and the local disk; tests use in-memory ones. Every method is synchronous: Apps
 * Script is, and the xlsx adapter works on a workbook loaded into memory and saved at the end.
 */
import type { Cell, CellKind } from './domain/cells';
import type { IsoDay } from './domain/dates';

export type { Cell } from './domain/cells';

export interface ColumnLayout {
  /** 1-based column of the tab. */
  readonly column: number;
  readonly header: string;
  readonly kind: CellKind;
  readonly choices: readonly string[];
  /** Pixels; null keeps the width the column has (a secretariat may have widened it). */
  readonly width: number | null;
}

/** How a tab's columns look: dropdowns, checkboxes, date formats, widths, and the frozen header row. */
export interface TabLayout {
  readonly columns: readonly ColumnLayout[];
}

export interface CellLink {
  readonly text: string;
  readonly sheet: string;
  readonly row: number;
}

/** A rectangle of cells: 1-based row and column, and its size. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** How a result tab (a report, the Compliance tab) shows the cells written to it. */
export interface TabStyle {
  /** Rows that stay in view when scrolling: the title line down to the first table's header. */
  readonly frozenRows: number;
  /** Title, headings, table headers and totals. */
  readonly bold: readonly CellBlock[];
  /** Number formats as Sheets writes them (`#,##0`, `0%`, `yyyy-mm-dd`), each with the blocks it applies to. */
  readonly numberFormats: readonly { readonly format: string; readonly blocks: readonly CellBlock[] }[];
  /** Column widths in pixels. */
  readonly widths: readonly { readonly column: number; readonly width: number }[];
}

/** A column chart over cells of its tab: the categories' column, then one column per series, each headed by its header cell. */
export interface TabChart {
  readonly title: string;
  readonly ranges: readonly CellBlock[];
  /** The cell its top left corner sits on. */
  readonly anchor: { readonly row: number; readonly column: number };
}

/** A result tab whole: its cells from A1, their links and colours (each the cells' size), its look and charts. */
export interface ResultBlock {
  readonly values: readonly (readonly Cell[])[];
  /** A link replaces the cell's value (null: the value stays). */
  readonly links: readonly (readonly (CellLink | null)[])[];
  /** Background colours (null: none). */
  readonly fills: readonly (readonly (string | null)[])[];
  readonly style: TabStyle;
  readonly charts: readonly TabChart[];
}

export interface WorkbookPort {
  /** The tabs, in order. In Sheets a call per tab: ask hasTab about one. */
  tabNames(): string[];
  /** Whether the tab exists. */
  hasTab(tab: string): boolean;
  /**
   * Every value of the tab's used range, header row first; `[]` for an empty tab; null when it does not exist. One batch call.
   * A grid of its own, as getValues() gives it: later writes do not change it, and the caller may.
   */
  read(tab: string): Cell[][] | null;
  /** Writes one rectangle at a 1-based row and column: one call. Strings are stored as text, never as formulas. */
  write(tab: string, row: number, column: number, values: Cell[][]): void;
  /** Writes one rectangle of links to rows of other tabs, in one call (null: no link, the cell is emptied). */
  writeLinks(tab: string, row: number, column: number, links: (CellLink | null)[][]): void;
  /** Sets the background colours of one rectangle (null: no colour). */
  paint(tab: string, row: number, column: number, colors: (string | null)[][]): void;
  /** Empties every row from `fromRow` down (contents and colours), keeping the tab's formats and validation. */
  clearFrom(tab: string, fromRow: number): void;
  /** Adds an empty tab at a 0-based position (at the end when omitted). */
  addTab(tab: string, position?: number): void;
  /** Removes a tab that holds nothing at all (a new spreadsheet's blank Sheet1); throws when it holds anything. */
  removeEmptyTab(tab: string): void;
  /** Applies the layout to the listed columns (from row 2 down) and freezes the header row. */
  format(tab: string, layout: TabLayout): void;
  /**
   * Makes every write so far durable before the next step: in Sheets, writes are buffered and lost
   * when an execution dies before they are flushed, so a claim must be flushed before the email it claims goes out.
   */
  flush(): void;
  /**
   * Gives a result tab its look, replacing the one it had: every format and validation of the tab is
   * cleared (colours too: paint afterwards), then `style` applied. A constant number of calls.
   */
  style(tab: string, style: TabStyle): void;
  /**
   * Replaces a result tab (adding it when missing) with `result` in as few calls as the platform
   * allows, where it can remember what it wrote last. Absent elsewhere: the caller then clears the
   * tab, writes, links, styles, paints and charts it with the methods above.
   */
  writeResult?(tab: string, result: ResultBlock): void;
  /** Replaces the tab's charts with these. Absent where the file cannot hold a chart the add-on draws (xlsx). */
  chart?(tab: string, charts: readonly TabChart[]): void;
}

export interface Clock {
  today(): IsoDay;
  /** ISO 8601 local date-time, no zone. */
  now(): string;
}

export interface CurrentUser {
  /** The active user's email; '' when the platform cannot tell. */
  email(): string;
  /** The file owner's email; '' when there is none to tell (a shared drive, a local file nobody owns). */
  owner(): string;
}

/** A modal dialog: an HTML page made for it, or a page of the add-on's own (built from sidebar/, with google.script.run). */
export type DialogPage = { readonly title: string; readonly width: number; readonly height: number } & (
  { readonly html: string } | { readonly page: string }
);

export interface Ui {
  /** A short, non-blocking message (a toast in Sheets, a line in the CLI). */
  toast(message: string, title?: string): void;
  /** A message the user must acknowledge. */
  alert(message: string, title?: string): void;
  /** The user's answer, trimmed; null when they cancelled. Where nobody can answer, '' (take the default). */
  prompt(message: string, title: string): string | null;
  /** A page of the add-on's own (built from sidebar/) in the sidebar. */
  showSidebar(page: string, title: string): void;
  /** An HTML page in a modal dialog. */
  showDialog(page: DialogPage): void;
}

export interface Lock {
  /** Runs `fn` holding the document lock; throws a clear error when another run holds it too long. */
  withDocumentLock<T>(fn: () => T): T;
}

export interface Email {
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly replyTo?: string;
  /** A calendar invitation (iCalendar text): in Apps Script an `invite.ics` attachment, in an .eml a text/calendar part. */
  readonly invitation?: { readonly method: 'REQUEST' | 'CANCEL'; readonly ics: string };
}

export interface Mailer {
  /** Recipients the account may still email today. */
  remainingQuota(): number;
  send(email: Email): void;
}

/** What bringing one tab's protection in line changed. */
export interface ProtectionChange {
  /** The tab had no protection and now has one. */
  readonly created: boolean;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Domain-wide editing was on and is now off. */
  readonly domainEditOff: boolean;
  /** The protection only warned and now enforces. */
  readonly enforced: boolean;
  /** The user running this is not (yet) an editor of the tab's protection, so Google lets them change nothing: nothing changed. */
  readonly blocked: boolean;
}

/** Sheet protection (Google Sheets only: an xlsx file has nobody to keep out). */
export interface ProtectionPort {
  /**
   * Protects the whole tab so that only `editors` can edit it (Google also keeps the owner and the
   * user running the script, whom no protection can exclude). Changes nothing when it already stands so.
   */
  protectTab(tab: string, editors: readonly string[], description: string): ProtectionChange;
}

/** How long this execution has been running: Apps Script stops one at 6 minutes. */
export interface Stopwatch {
  elapsedMs(): number;
}

export interface InstalledTrigger {
  readonly id: string;
  /** The global function it calls. */
  readonly handler: string;
  readonly kind: 'edit' | 'hourly' | 'other';
}

/**
 * The current user's installable triggers for this spreadsheet. Google shows each user only their
 * own, runs them as that user (mail goes from their account) and lets an add-on keep one of each kind
 * per user and document.
 */
export interface Triggers {
  list(): InstalledTrigger[];
  add(kind: 'edit' | 'hourly', handler: string): void;
  remove(id: string): void;
}

/**
 * A store that every user of the document may write through the add-on's code but nobody can edit
 * by hand: in Sheets, the document's properties. A member's answer to a consultation waits here until
 * an execution of the secretariat moves it into the protected Answers tab.
 */
export interface Inbox {
  /** The entries whose key starts with `prefix`, by key. */
  entries(prefix: string): Record<string, string>;
  put(key: string, value: string): void;
  remove(keys: readonly string[]): void;
}

/** How the code came to run in this spreadsheet. */
export interface Runtime {
  /** A script bound to the file, which its editors can change, rather than an installed add-on. */
  bound(): boolean;
}

/** Everything a use case may touch. */
export interface Ports {
  readonly workbook: WorkbookPort;
  readonly clock: Clock;
  readonly user: CurrentUser;
  readonly ui: Ui;
  readonly lock: Lock;
  readonly mailer: Mailer;
  readonly inbox: Inbox;
  /** Absent where protection means nothing (a local xlsx file). */
  readonly protection?: ProtectionPort;
  /** Absent where nothing stops an execution (the CLI, the playground). */
  readonly stopwatch?: Stopwatch;
  /** Absent where nothing runs on a schedule by itself (a local xlsx file). */
  readonly triggers?: Triggers;
  /** Absent where no code lives in the file (the CLI, the playground). */
  readonly runtime?: Runtime;
}
