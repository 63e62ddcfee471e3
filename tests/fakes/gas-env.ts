/**
 * The state one fake execution sees: who runs it, who owns and edits the file, and what the
 * simulated Google services have recorded (toasts, flushes, menus, dialogs).
 */
import { Calls, counted } from './gas-calls';

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: RecordedMenu;
}

export interface RecordedMenu {
  name: string;
  addon: boolean;
  items: MenuItem[];
}

export interface Dialog {
  kind: 'sidebar' | 'modal' | 'modeless' | 'alert' | 'prompt';
  title: string;
  content: string;
  width?: number;
  height?: number;
}

export interface Toast {
  message: string;
  title: string;
  timeout: number | undefined;
}

export class Env {
  readonly calls = new Calls();
  activeUser: string;
  /** The user's language setting (Session.getActiveUserLocale). */
  locale = 'en';
  effectiveUser: string;
  owner: string;
  editors: string[];
  ownerIsConsumer: boolean;
  /** Whether everyone in the owner's Workspace domain may edit the file (new protections inherit it). */
  domainCanEdit: boolean;
  timeZone: string;
  /** Whether the spreadsheet's UI is there (false in a trigger or a google.script.run from no sidebar). */
  uiAvailable = true;
  readonly toasts: Toast[] = [];
  readonly menus: RecordedMenu[] = [];
  readonly dialogs: Dialog[] = [];
  readonly logs: string[] = [];
  flushes = 0;
  /** For each tab changed since the last flush, what puts it back as it was then (see FakeSheet._beforeChange). */
  readonly unflushed = new Map<object, () => void>();

  constructor(options: {
    activeUser: string;
    effectiveUser: string;
    owner: string;
    editors: string[];
    ownerIsConsumer: boolean;
    domainCanEdit: boolean;
    timeZone: string;
  }) {
    this.activeUser = options.activeUser;
    this.effectiveUser = options.effectiveUser;
    this.owner = options.owner;
    this.editors = options.editors;
    this.ownerIsConsumer = options.ownerIsConsumer;
    this.domainCanEdit = options.domainCanEdit;
    this.timeZone = options.timeZone;
  }

  wrap<T extends object>(name: string, target: T): T {
    return counted(this.calls, name, target);
  }

  user(email: string): FakeUser {
    return this.wrap('User', new FakeUser(email));
  }

  get domain(): string {
    return this.owner.slice(this.owner.indexOf('@') + 1).toLowerCase();
  }
}

export function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as FakeUser).getEmail === 'function') return (user as FakeUser).getEmail();
  throw new Error(`The parameters (${typeof user}) don't match the method signature.`);
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
