/**
 * The fake's services besides the spreadsheet itself: Ui and menus, Session, LockService,
 * PropertiesService, MailApp, ScriptApp, HtmlService, Utilities, Logger and console.
 */
import type { Env, MenuItem, RecordedMenu } from './gas-env';
import type { FakeSpreadsheet } from './gas-sheets';
import { raw } from './gas-calls';

// ---------- Ui ----------

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/** What the simulated person answers to the next alert or prompt. */
export interface Answer {
  button?: keyof typeof Button;
  text?: string;
}

export class FakeMenu {
  readonly items: MenuItem[] = [];
  constructor(
    private readonly env: Env,
    readonly name: string,
    readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): this {
    if (typeof functionName !== 'string' || functionName === '') throw new Error('A menu item needs a function name.');
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ caption: '', separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    const sub = raw(menu);
    this.items.push({ caption: sub.name, submenu: sub._recorded() });
    return this;
  }
  addToUi(): void {
    const recorded = this._recorded();
    const at = this.env.menus.findIndex((m) => m.name === recorded.name && m.addon === recorded.addon);
    if (at >= 0) this.env.menus.splice(at, 1, recorded);
    else this.env.menus.push(recorded);
  }
  _recorded(): RecordedMenu {
    return { name: this.name, addon: this.addon, items: this.items.map((i) => ({ ...i })) };
  }
}

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly env: Env,
    private readonly addonName: string,
    private readonly answers: Answer[],
  ) {}

  createAddonMenu(): FakeMenu {
    return this.env.wrap('Menu', new FakeMenu(this.env, this.addonName, true));
  }
  createMenu(caption: string): FakeMenu {
    return this.env.wrap('Menu', new FakeMenu(this.env, caption, false));
  }
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    const [title, prompt, set] =
      buttons !== undefined
        ? [titleOrPrompt, promptOrButtons ?? '', buttons]
        : promptOrButtons !== undefined && promptOrButtons in ButtonSet
          ? ['', titleOrPrompt, promptOrButtons]
          : ['', titleOrPrompt, 'OK'];
    this.env.dialogs.push({ kind: 'alert', title, content: prompt });
    const answer = this.answers.shift();
    return answer?.button ?? (set.startsWith('YES') ? Button.YES : Button.OK);
  }
  prompt(titleOrPrompt: string, promptOrButtons?: string, buttons?: string) {
    const [title, prompt, set] =
      buttons !== undefined
        ? [titleOrPrompt, promptOrButtons ?? '', buttons]
        : promptOrButtons !== undefined && promptOrButtons in ButtonSet
          ? ['', titleOrPrompt, promptOrButtons]
          : ['', titleOrPrompt, 'OK'];
    this.env.dialogs.push({ kind: 'prompt', title, content: prompt });
    const answer = this.answers.shift();
    const button = answer?.button ?? (set.startsWith('YES') ? Button.YES : Button.OK);
    const text = answer?.text ?? '';
    return this.env.wrap('PromptResponse', {
      getResponseText: () => text,
      getSelectedButton: () => button,
    });
  }
  showSidebar(html: HtmlLike): void {
    this.env.dialogs.push({ kind: 'sidebar', title: html.getTitle(), content: html.getContent(), width: 300 });
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this.env.dialogs.push({
      kind: 'modal',
      title,
      content: html.getContent(),
      width: html.getWidth(),
      height: html.getHeight(),
    });
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this.env.dialogs.push({
      kind: 'modeless',
      title,
      content: html.getContent(),
      width: html.getWidth(),
      height: html.getHeight(),
    });
  }
}

// ---------- Session ----------

export function fakeSession(env: Env) {
  return env.wrap('Session', {
    getActiveUser: () => env.user(env.activeUser),
    getEffectiveUser: () => env.user(env.effectiveUser),
    // The script's zone is the runtime's local zone (V8's local time in Apps Script is the script's zone).
    getScriptTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    getActiveUserLocale: () => env.locale,
    getTemporaryActiveUserKey: () => `key-${env.activeUser}`,
  });
}

// ---------- LockService ----------

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds the document lock: this execution, another one the test simulates, or nobody. */
export class LockState {
  holder: 'this' | 'other' | null = null;
  /** Makes another execution hold the document lock until `releaseOther()`. */
  holdByOther(): void {
    this.holder = 'other';
  }
  releaseOther(): void {
    if (this.holder === 'other') this.holder = null;
  }
}

export function fakeLockService(env: Env, state: LockState, container: boolean) {
  const lock = () => ({
    waitLock(timeoutInMillis: number): void {
      if (!(timeoutInMillis >= 0)) throw new Error('Invalid argument: timeoutInMillis');
      if (state.holder === 'other') throw new Error(LOCK_TIMEOUT);
      state.holder = 'this';
    },
    tryLock(timeoutInMillis: number): boolean {
      if (!(timeoutInMillis >= 0)) throw new Error('Invalid argument: timeoutInMillis');
      if (state.holder === 'other') return false;
      state.holder = 'this';
      return true;
    },
    hasLock: (): boolean => state.holder === 'this',
    releaseLock(): void {
      if (state.holder === 'this') state.holder = null;
    },
  });
  return env.wrap('LockService', {
    getDocumentLock: () => (container ? env.wrap('Lock', lock()) : null),
    getScriptLock: () => env.wrap('Lock', lock()),
    getUserLock: () => env.wrap('Lock', lock()),
  });
}

// ---------- PropertiesService ----------

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties {
  readonly map = new Map<string, string>();

  private size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += k.length + v.length;
    return n;
  }
  getProperty(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    const text = String(value);
    if (text.length > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    const before = this.map.get(key);
    this.map.set(key, text);
    if (this.size() > PROPERTY_STORE_LIMIT) {
      if (before === undefined) this.map.delete(key);
      else this.map.set(key, before);
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  deleteProperty(key: string): this {
    this.map.delete(key);
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }
}

export class PropertyStores {
  readonly document = new FakeProperties();
  readonly script = new FakeProperties();
  private readonly users = new Map<string, FakeProperties>();
  user(email: string): FakeProperties {
    let store = this.users.get(email.toLowerCase());
    if (!store) this.users.set(email.toLowerCase(), (store = new FakeProperties()));
    return store;
  }
}

export function fakePropertiesService(env: Env, stores: PropertyStores, container: boolean) {
  return env.wrap('PropertiesService', {
    getDocumentProperties: () => (container ? env.wrap('Properties', stores.document) : null),
    getScriptProperties: () => env.wrap('Properties', stores.script),
    getUserProperties: () => env.wrap('Properties', stores.user(env.effectiveUser)),
  });
}

// ---------- MailApp ----------

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | undefined;
  replyTo: string | undefined;
  name: string | undefined;
  noReply: boolean;
  /** The attachments, as blobs give them: name, content type and text. */
  attachments: FakeAttachment[];
}

export interface FakeAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly text: string;
}

/** A Blob as Utilities.newBlob makes it: what MailApp reads of an attachment. */
export class FakeBlob {
  constructor(
    private readonly text: string,
    private readonly contentType: string,
    private readonly name: string,
  ) {}
  getDataAsString(): string {
    return this.text;
  }
  getContentType(): string {
    return this.contentType;
  }
  getName(): string {
    return this.name;
  }
}

function attachmentsOf(list: unknown): FakeAttachment[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new Error('Invalid argument: attachments');
  return list.map((blob: unknown) => {
    if (!(blob instanceof FakeBlob)) throw new Error('Invalid argument: attachments');
    return { name: blob.getName(), contentType: blob.getContentType(), text: blob.getDataAsString() };
  });
}

const RECIPIENTS_PER_MESSAGE = 50;
const MAIL_ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export class MailState {
  readonly sent: SentMail[] = [];
  /** Test faults: runs before a message goes (throw to make Google refuse it, nothing sent). */
  beforeSend: ((mail: SentMail) => void) | null = null;
  /** Test faults: runs once a message has gone (kill the execution here to stop it before it can confirm). */
  afterSend: ((mail: SentMail) => void) | null = null;
  constructor(
    public remaining: number,
    public bodyLimit: number,
  ) {}
}

export function fakeMailApp(env: Env, state: MailState) {
  return env.wrap('MailApp', {
    getRemainingDailyQuota: () => state.remaining,
    sendEmail(...args: unknown[]): void {
      const message = normalizeMessage(args);
      const to = addresses(message.to);
      const cc = addresses(message.cc);
      const bcc = addresses(message.bcc);
      const all = [...to, ...cc, ...bcc];
      if (to.length === 0 && all.length === 0) throw new Error('Failed to send email: no recipient');
      const bad = all.find((a) => !MAIL_ADDRESS.test(a));
      if (bad !== undefined) throw new Error(`Invalid email: ${bad}`);
      if (all.length > RECIPIENTS_PER_MESSAGE) throw new Error('Limit Exceeded: Email Recipients Per Message.');
      if (all.length > state.remaining) throw new Error('Service invoked too many times for one day: email.');
      const size = String(message.body ?? '').length + String(message.htmlBody ?? '').length;
      if (size > state.bodyLimit) throw new Error('Limit Exceeded: Email Body Size.');
      const mail: SentMail = {
        from: env.effectiveUser,
        to,
        cc,
        bcc,
        subject: String(message.subject ?? ''),
        body: String(message.body ?? ''),
        htmlBody: message.htmlBody === undefined ? undefined : String(message.htmlBody),
        replyTo: message.replyTo === undefined ? undefined : String(message.replyTo),
        name: message.name === undefined ? undefined : String(message.name),
        noReply: Boolean(message.noReply),
        attachments: attachmentsOf(message.attachments),
      };
      state.beforeSend?.(mail);
      state.remaining -= all.length;
      state.sent.push(mail);
      state.afterSend?.(mail);
    },
  });
}

function normalizeMessage(args: unknown[]): Record<string, unknown> {
  const [first, second, third, fourth] = args;
  if (args.length === 1 && first && typeof first === 'object') return first as Record<string, unknown>;
  if (typeof fourth === 'string') return { to: first, replyTo: second, subject: third, body: fourth };
  return { ...((fourth as Record<string, unknown> | undefined) ?? {}), to: first, subject: second, body: third };
}

// ---------- ScriptApp ----------

export const EventType = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;

export interface FakeTrigger {
  id: string;
  handler: string;
  eventType: keyof typeof EventType;
  source: keyof typeof TriggerSource;
  sourceId: string | null;
  /** The document the add-on created it from. */
  documentId: string;
  /** Installable triggers run as, and belong to, the user who created them. */
  owner: string;
  everyHours?: number;
  everyMinutes?: number;
}

const TRIGGERS_PER_USER = 20;
let nextTrigger = 1;

export function fakeScriptApp(env: Env, spreadsheet: FakeSpreadsheet, triggers: FakeTrigger[], addon: boolean) {
  const wrapTrigger = (t: FakeTrigger) =>
    env.wrap('Trigger', {
      getHandlerFunction: () => t.handler,
      getEventType: () => t.eventType,
      getTriggerSource: () => t.source,
      getTriggerSourceId: () => t.sourceId,
      getUniqueId: () => t.id,
    });
  const create = (t: Omit<FakeTrigger, 'id' | 'owner' | 'documentId'>) => {
    const mine = triggers.filter((x) => x.owner === env.effectiveUser);
    if (mine.length >= TRIGGERS_PER_USER) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (addon) {
      if (t.everyMinutes !== undefined)
        throw new Error('Add-ons may not create time-based triggers that run more often than once an hour.');
      if (mine.some((x) => x.documentId === spreadsheet.id && x.eventType === t.eventType)) {
        throw new Error(
          `This add-on has already created a ${t.eventType} trigger in this document for this Google Account user.`,
        );
      }
    }
    const trigger: FakeTrigger = {
      ...t,
      id: String(nextTrigger++),
      owner: env.effectiveUser,
      documentId: spreadsheet.id,
    };
    triggers.push(trigger);
    return wrapTrigger(trigger);
  };
  const spreadsheetBuilder = (handler: string, sourceId: string) => {
    let eventType: FakeTrigger['eventType'] | null = null;
    const builder = {
      onOpen: () => ((eventType = 'ON_OPEN'), wrapped),
      onEdit: () => ((eventType = 'ON_EDIT'), wrapped),
      onChange: () => ((eventType = 'ON_CHANGE'), wrapped),
      onFormSubmit: () => ((eventType = 'ON_FORM_SUBMIT'), wrapped),
      create: () => {
        if (eventType === null) throw new Error('Trigger builder is missing an event type.');
        return create({ handler, eventType, source: 'SPREADSHEETS', sourceId });
      },
    };
    const wrapped = env.wrap('SpreadsheetTriggerBuilder', builder);
    return wrapped;
  };
  const clockBuilder = (handler: string) => {
    const every: { hours?: number; minutes?: number } = {};
    const builder = {
      everyHours: (n: number) => {
        if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('The number of hours must be 1, 2, 4, 6, 8 or 12.');
        every.hours = n;
        return wrapped;
      },
      everyMinutes: (n: number) => {
        if (![1, 5, 10, 15, 30].includes(n)) throw new Error('The number of minutes must be 1, 5, 10, 15 or 30.');
        every.minutes = n;
        return wrapped;
      },
      everyDays: (n: number) => ((every.hours = 24 * n), wrapped),
      atHour: () => wrapped,
      nearMinute: () => wrapped,
      create: () => {
        if (every.hours === undefined && every.minutes === undefined)
          throw new Error('A time-based trigger needs a frequency.');
        return create({
          handler,
          eventType: 'CLOCK',
          source: 'CLOCK',
          sourceId: null,
          everyHours: every.hours,
          everyMinutes: every.minutes,
        });
      },
    };
    const wrapped = env.wrap('ClockTriggerBuilder', builder);
    return wrapped;
  };
  return env.wrap('ScriptApp', {
    AuthMode,
    EventType,
    TriggerSource,
    newTrigger: (functionName: string) =>
      env.wrap('TriggerBuilder', {
        forSpreadsheet: (ss: unknown) => {
          const id = typeof ss === 'string' ? ss : raw(ss as FakeSpreadsheet).id;
          if (addon && id !== spreadsheet.id)
            throw new Error('Add-ons may only create triggers for the document they are used in.');
          return spreadsheetBuilder(functionName, id);
        },
        timeBased: () => clockBuilder(functionName),
      }),
    getUserTriggers: (ss: unknown) => {
      const id = raw(ss as FakeSpreadsheet).id;
      return triggers.filter((t) => t.owner === env.effectiveUser && t.documentId === id).map(wrapTrigger);
    },
    getProjectTriggers: () => triggers.filter((t) => t.owner === env.effectiveUser).map(wrapTrigger),
    deleteTrigger: (trigger: { getUniqueId(): string }) => {
      const at = triggers.findIndex((t) => t.id === trigger.getUniqueId() && t.owner === env.effectiveUser);
      if (at < 0) throw new Error('Trigger not found.');
      triggers.splice(at, 1);
    },
    getScriptId: () => 'fake-script-id',
    InstallationSource,
    // Google: NONE when the script is not running as an add-on (a script bound to the file, run from it).
    getInstallationSource: () => (addon ? InstallationSource.APPS_MARKETPLACE_DOMAIN_ADD_ON : InstallationSource.NONE),
  });
}

export const InstallationSource = {
  APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  NONE: 'NONE',
  WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
} as const;

// ---------- HtmlService ----------

export const SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

class FakeHtmlOutput {
  private title = '';
  private width = 400;
  private height = 300;
  constructor(private content: string) {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = content;
    return this;
  }
  append(html: string): this {
    this.content += html;
    return this;
  }
  appendUntrusted(text: string): this {
    this.content += escapeHtml(text);
    return this;
  }
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): this {
    return this;
  }
  setXFrameOptionsMode(): this {
    return this;
  }
  addMetaTag(): this {
    return this;
  }
  setFaviconUrl(): this {
    return this;
  }
}

export function fakeHtmlService(env: Env, files: (name: string) => string | undefined) {
  const load = (name: string) => {
    const content = files(name.replace(/\.html$/, ''));
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  };
  const output = (content: string) => env.wrap('HtmlOutput', new FakeHtmlOutput(content));
  return env.wrap('HtmlService', {
    SandboxMode,
    XFrameOptionsMode,
    createHtmlOutput: (html?: string) => output(html ?? ''),
    createHtmlOutputFromFile: (name: string) => output(load(name)),
    createTemplate: (html: string) => template(html),
    createTemplateFromFile: (name: string) => template(load(name)),
  });
  function template(source: string) {
    // Printing scriptlets over the template's own properties: <?= escapes, <?!= prints as is.
    const t: Record<string, unknown> = {
      evaluate: () =>
        output(
          source.replace(/<\?(!?)=\s*([\w.$]+)\s*\?>/g, (_m, bang: string, path: string) => {
            const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], t);
            const text = value === undefined || value === null ? '' : String(value);
            return bang ? text : escapeHtml(text);
          }),
        ),
      getRawContent: () => source,
    };
    return t;
  }
}

// ---------- Utilities, Logger, console ----------

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat, the patterns scripts use, in the given IANA time zone. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'long',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const y = Number(parts.year);
  const mo = Number(parts.month);
  const d = Number(parts.day);
  const h = Number(parts.hour) % 24;
  const mi = Number(parts.minute);
  const s = Number(parts.second);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  const offset = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  const sign = offset >= 0 ? '+' : '-';
  const oh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const om = String(Math.abs(offset) % 60).padStart(2, '0');
  const p2 = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(
    /'([^']*)'|yyyy|yy|MMMM|MMM|MM|M|dd|d|HH|H|hh|h|mm|ss|SSS|a|EEEE|EEE|XXX|Z/g,
    (token, quoted: string | undefined) => {
      if (quoted !== undefined) return quoted === '' ? "'" : quoted;
      switch (token) {
        case 'yyyy':
          return String(y);
        case 'yy':
          return p2(y % 100);
        case 'MMMM':
          return MONTHS[mo - 1]!;
        case 'MMM':
          return MONTHS[mo - 1]!.slice(0, 3);
        case 'MM':
          return p2(mo);
        case 'M':
          return String(mo);
        case 'dd':
          return p2(d);
        case 'd':
          return String(d);
        case 'HH':
          return p2(h);
        case 'H':
          return String(h);
        case 'hh':
          return p2(h % 12 || 12);
        case 'h':
          return String(h % 12 || 12);
        case 'mm':
          return p2(mi);
        case 'ss':
          return p2(s);
        case 'SSS':
          return String(date.getMilliseconds()).padStart(3, '0');
        case 'a':
          return h < 12 ? 'AM' : 'PM';
        case 'EEEE':
          return parts.weekday ?? DAYS[0]!;
        case 'EEE':
          return (parts.weekday ?? DAYS[0]!).slice(0, 3);
        case 'XXX':
          return offset === 0 ? 'Z' : `${sign}${oh}:${om}`;
        default:
          return `${sign}${oh}${om}`;
      }
    },
  );
}

export function fakeUtilities(env: Env, sleeps: number[]) {
  return env.wrap('Utilities', {
    formatDate: (date: Date, timeZone: string, format: string) => formatDate(date, timeZone, format),
    sleep: (ms: number) => void sleeps.push(ms),
    getUuid: () => globalThis.crypto.randomUUID(),
    newBlob: (data: unknown, contentType?: string, name?: string) =>
      new FakeBlob(String(data), contentType ?? 'application/octet-stream', name ?? ''),
  });
}

function formatLog(format: unknown, values: unknown[]): string {
  if (typeof format !== 'string' || values.length === 0)
    return typeof format === 'string' ? format : (JSON.stringify(format) ?? String(format));
  let i = 0;
  return format.replace(/%s|%d/g, () => String(values[i++]));
}

export function fakeLogger(env: Env) {
  return env.wrap('Logger', {
    log(format: unknown, ...values: unknown[]) {
      env.logs.push(formatLog(format, values));
      return this;
    },
    getLog: () => env.logs.join('\n'),
    clear: () => void (env.logs.length = 0),
  });
}

export function fakeConsole(env: Env) {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      void env.logs.push(
        `[${level}] ${args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' ')}`,
      );
  return env.wrap('console', { log: at('log'), info: at('info'), warn: at('warn'), error: at('error') });
}
