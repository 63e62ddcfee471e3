/**
 * The fake's call accounting and its execution context. Every object the fake hands to code under test
 * is wrapped so that each method call is counted as `Class.method`; the fake's own internals work on
 * the raw objects, so assertions and setup never count.
 */

/** Classes that belong to SpreadsheetApp: their calls are round trips to the Sheets backend. */
const SPREADSHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
  'Protection',
  'DataValidationBuilder',
  'DataValidation',
  'RichTextValueBuilder',
  'RichTextValue',
  'Ui',
  'Menu',
  'PromptResponse',
]);

/**
 * What may run in AuthMode.NONE (an add-on's onOpen before it is used in the document): building the
 * menu, and nothing that reads data or needs authorization.
 */
const ALLOWED_WITHOUT_AUTH = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'Menu.addItem',
  'Menu.addSeparator',
  'Menu.addSubMenu',
  'Menu.addToUi',
  'Logger.log',
  'console.log',
  'console.info',
  'console.warn',
  'console.error',
]);

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** What Apps Script says when it stops an execution at its time limit. */
export const EXECUTION_KILLED = 'Exceeded maximum execution time';

export class Calls {
  total = 0;
  readonly byMethod: Record<string, number> = {};
  readonly byService: Record<string, number> = {};
  /** Every call in order, for assertions about sequence (flush before releaseLock). */
  readonly sequence: string[] = [];
  authMode: AuthMode = 'FULL';
  /** The execution was killed: Apps Script runs none of its code any more. */
  killed = false;
  /**
   * What happens in the world before each call reaches Google (a person typing, inserting or sorting
   * rows: the document lock does not stop them). Runs with the method about to be called; not while it runs itself.
   */
  before: ((method: string) => void) | null = null;
  private inBefore = false;

  record(method: string): void {
    if (this.killed) throw new Error(EXECUTION_KILLED);
    if (this.before !== null && !this.inBefore) {
      this.inBefore = true;
      try {
        this.before(method);
      } finally {
        this.inBefore = false;
      }
    }
    if (this.authMode === 'NONE' && !ALLOWED_WITHOUT_AUTH.has(method)) {
      throw new Error(
        `You do not have permission to call ${method}. Required permissions are not granted in AuthMode.NONE.`,
      );
    }
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    const service = serviceOf(method);
    this.byService[service] = (this.byService[service] ?? 0) + 1;
    this.sequence.push(method);
  }

  /** Calls into SpreadsheetApp and the objects it hands out (spreadsheets, sheets, ranges, ...). */
  get spreadsheet(): number {
    return this.byService.SpreadsheetApp ?? 0;
  }

  of(method: string): number {
    return this.byMethod[method] ?? 0;
  }

  reset(): void {
    this.total = 0;
    for (const k of Object.keys(this.byMethod)) delete this.byMethod[k];
    for (const k of Object.keys(this.byService)) delete this.byService[k];
    this.sequence.length = 0;
  }

  /** Counts of the calls made while `fn` runs (the counters keep accumulating). */
  during<T>(fn: () => T): { result: T; total: number; spreadsheet: number; byMethod: Record<string, number> } {
    const before = { ...this.byMethod };
    const total = this.total;
    const spreadsheet = this.spreadsheet;
    const result = fn();
    const byMethod: Record<string, number> = {};
    for (const [k, v] of Object.entries(this.byMethod)) if (v !== (before[k] ?? 0)) byMethod[k] = v - (before[k] ?? 0);
    return { result, total: this.total - total, spreadsheet: this.spreadsheet - spreadsheet, byMethod };
  }
}

function serviceOf(method: string): string {
  const cls = method.slice(0, method.indexOf('.'));
  return SPREADSHEET_CLASSES.has(cls) ? 'SpreadsheetApp' : cls;
}

const RAW = Symbol('raw');

/**
 * Wraps an object so each method call is counted as `name.method`. Methods whose name starts with `_`
 * are the fake's internals and are not exposed.
 */
export function counted<T extends object>(calls: Calls, name: string, target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === RAW) return t;
      const value = Reflect.get(t, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function' || prop === 'constructor') return value;
      if (prop.startsWith('_')) return undefined;
      const method = `${name}.${prop}`;
      return (...args: unknown[]) => {
        calls.record(method);
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

/** The fake object behind a wrapped one (or the object itself when it is not wrapped). */
export function raw<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    const inner = (value as Record<symbol, unknown>)[RAW];
    if (inner) return inner as T;
  }
  return value;
}
