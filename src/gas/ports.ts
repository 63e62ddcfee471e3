/**
 * The ports over Apps Script services, one set per execution. Nothing is looked up until a use case
 * needs it, so building the ports costs no service call.
 */
import { dayOfDate, timestampOfDate } from '../domain/dates';
import { pageInLanguage, t } from '../domain/i18n';
import type { Clock, CurrentUser, Email, Inbox, Lock, Mailer, Ports, ProtectionPort, Stopwatch, Ui } from '../ports';
import { AppliedMemo } from './memo';
import { gasProtection } from './protection';
import { gasTriggers } from './triggers';
import { GasWorkbook } from './workbook';
import type { ZoneBridge } from './zone';

const LOCK_WAIT_MS = 30_000;

export class LockBusyError extends Error {
  constructor() {
    super(t('app.lock.busy', { seconds: LOCK_WAIT_MS / 1000 }));
    this.name = 'LockBusyError';
  }
}

/**
 * Days as the network's spreadsheet counts them: its own time zone, which need not be the script's
 * (an add-on has one script zone for every network that installs it).
 */
export function gasClock(zones: () => ZoneBridge): Clock {
  const sheetNow = () => zones().fromSheet(new Date());
  return {
    today: () => dayOfDate(sheetNow()),
    now: () => timestampOfDate(sheetNow()),
  };
}

export function gasUser(spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet): CurrentUser {
  let owner: string | undefined;
  return {
    email() {
      // Google withholds the address in some contexts (a consumer account using another domain's script).
      try {
        return Session.getActiveUser().getEmail() ?? '';
      } catch {
        return '';
      }
    },
    owner() {
      // A file on a shared drive has no owner. Ownership does not change within an execution.
      owner ??= spreadsheet().getOwner()?.getEmail() ?? '';
      return owner;
    },
  };
}

export function gasUi(spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet): Ui {
  return {
    prompt(message, title) {
      const ui = SpreadsheetApp.getUi();
      const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
      return response.getSelectedButton() === ui.Button.OK ? response.getResponseText().trim() : null;
    },
    showSidebar(page, title) {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(pageInLanguage(page)).setTitle(title));
    },
    showDialog(page) {
      const source =
        'html' in page
          ? HtmlService.createHtmlOutput(page.html)
          : HtmlService.createHtmlOutputFromFile(pageInLanguage(page.page));
      const output = source.setWidth(page.width).setHeight(page.height);
      SpreadsheetApp.getUi().showModalDialog(output, page.title);
    },
    toast(message, title) {
      spreadsheet().toast(message, title ?? '');
    },
    alert(message, title) {
      let ui: GoogleAppsScript.Base.Ui;
      try {
        ui = SpreadsheetApp.getUi();
      } catch {
        // No UI in a trigger: the message goes to the execution log instead.
        Logger.log(title ? `${title}: ${message}` : message);
        return;
      }
      if (title) ui.alert(title, message, ui.ButtonSet.OK);
      else ui.alert(message);
    },
  };
}

/** How deep this execution is inside withDocumentLock: only the outermost call takes and releases. */
let lockDepth = 0;

/** The document lock; `unflushed` says whether writes wait for a flush when it is let go (always, when not told). */
export function documentLock(unflushed: () => boolean = () => true): Lock {
  return {
    withDocumentLock: (fn) => withDocumentLock(fn, unflushed),
  };
}

export const gasLock: Lock = documentLock();

function withDocumentLock<T>(fn: () => T, unflushed: () => boolean): T {
  // A use case run from another must not release the lock the outer one still relies on.
  if (lockDepth > 0) return fn();
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(t('app.lock.no-document'));
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new LockBusyError();
  }
  lockDepth++;
  try {
    return fn();
  } finally {
    lockDepth--;
    // Pending writes must land before another execution gets the lock and reads.
    if (unflushed()) SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export const gasMailer: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send(email: Email) {
    const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
      to: email.to.join(','),
      subject: email.subject,
      body: email.text,
      htmlBody: email.html,
    };
    if (email.cc && email.cc.length > 0) message.cc = email.cc.join(',');
    if (email.replyTo) message.replyTo = email.replyTo;
    if (email.invitation)
      message.attachments = [Utilities.newBlob(email.invitation.ics, 'text/calendar', 'invite.ics')];
    MailApp.sendEmail(message);
  },
};

/**
 * The document's properties: shared by every user of the document, written only through the add-on's
 * code. Looked up on first use (a trigger in AuthMode.NONE never gets there).
 */
export function gasInbox(): Inbox {
  let store: GoogleAppsScript.Properties.Properties | null = null;
  const properties = () => {
    store ??= PropertiesService.getDocumentProperties();
    if (!store) throw new Error(t('app.properties.no-document'));
    return store;
  };
  return {
    entries: (prefix) =>
      Object.fromEntries(Object.entries(properties().getProperties()).filter(([k]) => k.startsWith(prefix))),
    put: (key, value) => void properties().setProperty(key, value),
    remove: (keys) => {
      for (const key of keys) properties().deleteProperty(key);
    },
  };
}

/** Started when an entry function builds its ports, the first thing each execution does. */
export function gasStopwatch(): Stopwatch {
  const startedAt = Date.now();
  return { elapsedMs: () => Date.now() - startedAt };
}

export function gasPorts(): Ports {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const active = () => (spreadsheet ??= SpreadsheetApp.getActiveSpreadsheet());
  const memo = new AppliedMemo();
  const workbook = new GasWorkbook(active, memo);
  let protection: ProtectionPort | null = null;
  return {
    workbook,
    clock: gasClock(() => workbook.zones),
    user: gasUser(active),
    ui: gasUi(active),
    lock: documentLock(() => workbook.hasUnflushedWrites),
    mailer: gasMailer,
    inbox: gasInbox(),
    protection: {
      protectTab: (...args) =>
        (protection ??= gasProtection(active(), {
          sheet: (tab) => workbook.sheet(tab),
          memo,
          onWrite: () => workbook.markWritten(),
        })).protectTab(...args),
    },
    stopwatch: gasStopwatch(),
    triggers: gasTriggers(active),
    // Google: InstallationSource NONE is "script is not running as an add-on", i.e. bound to the file.
    runtime: { bound: () => ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE },
  };
}
