/**
 * Automation on and off: the add-on's two installable triggers, an edit trigger (minutes just
 * approved) and an hourly tick, for the user who turns it on. Installable triggers run as that user,
 * so the mail goes from their account; Google shows nobody else those triggers, so the Log is where
 * everyone reads whether automation is on and from whose account.
 */
import { duplicateIds, openClaims, stoppedTabs } from '../domain/email/due';
import { Ledger, type Claim } from '../domain/email/ledger';
import type { Network } from '../domain/network';
import { t } from '../domain/i18n';
import { LogTable, type LogEntry } from '../domain/tables';
import { emailKey, joinWords } from '../domain/words';
import type { InstalledTrigger, Ports, Triggers } from '../ports';
import { requireSecretariat } from './authorize';
import { DELIVERY_TABS, unconfirmedLine } from './deliver';
import { readNetwork } from './network';
import { withLockedTabs, type LockedTabs } from './repository';

/** The global functions the triggers call: src/gas must export them under these names. */
export const HANDLERS = { edit: 'onEditInstalled', hourly: 'hourlyTick' } as const;

/** Log events: on and off say whose account sends; the third records a user removing triggers while another's keep running. */
// @i18n-exempt: the Log's Event values, which the status matches whatever the language (WORKBOOK.md)
export const AUTOMATION_EVENTS = {
  on: 'Automation enabled',
  off: 'Automation disabled',
  removed: 'Automation triggers removed',
} as const;

/** What the status says when the code runs as a script bound to the spreadsheet rather than as an add-on. */
export function boundWarning(): string {
  return t('app.automation.bound-warning');
}

export interface AutomationStatus {
  readonly on: boolean;
  /** Whose account the mail goes from: who turned automation on last; '' when it is off. */
  readonly sender: string;
  /** When automation was last turned on or off; '' when never. */
  readonly since: string;
  /** Which of the add-on's triggers the current user has; null where there are none (a local file). */
  readonly yours: { readonly edit: boolean; readonly hourly: boolean } | null;
  /** Messages claimed and never confirmed, for a person to check. */
  readonly unconfirmed: Claim[];
  /** The status in words, one line each. */
  readonly lines: string[];
}

export interface AutomationChange {
  readonly changed: boolean;
  readonly status: AutomationStatus;
  /** What happened, in words. */
  readonly message: string;
}

function isEvent(entry: LogEntry, event: string): boolean {
  return entry.event.trim().toLowerCase() === event.toLowerCase();
}

function lastSwitch(log: readonly LogEntry[]): LogEntry | undefined {
  return log.filter((e) => isEvent(e, AUTOMATION_EVENTS.on) || isEvent(e, AUTOMATION_EVENTS.off)).at(-1);
}

function yoursOf(installed: readonly InstalledTrigger[] | null): AutomationStatus['yours'] {
  if (installed === null) return null;
  const has = (kind: 'edit' | 'hourly') => installed.some((t) => t.kind === kind && t.handler === HANDLERS[kind]);
  return { edit: has('edit'), hourly: has('hourly') };
}

/**
 * Who may run the triggers' work (the hourly tick, the edit trigger): the account automation runs
 * from, or the secretariat. Both are top-level functions that any page of the add-on could call
 * through google.script.run, so they check like the menu commands. Returns the email.
 */
export function requireAutomationAccount(ports: Pick<Ports, 'user' | 'clock'>, network: Network): string {
  const email = emailKey(ports.user.email());
  const last = lastSwitch(network.log.records);
  if (email !== '' && last !== undefined && isEvent(last, AUTOMATION_EVENTS.on) && emailKey(last.actor) === email)
    return email;
  return requireSecretariat(ports, network, t('app.automation.tick-command'));
}

/** `logged`: a row this run appended, which the network read before it does not hold; `bound`: the code runs bound to the file. */
export function statusOf(
  network: Network,
  today: string,
  user: string,
  installed: readonly InstalledTrigger[] | null,
  logged?: LogEntry,
  bound = false,
): AutomationStatus {
  const last = lastSwitch(logged === undefined ? network.log.records : [...network.log.records, logged]);
  const on = last !== undefined && isEvent(last, AUTOMATION_EVENTS.on);
  const sender = on ? last.actor.trim() : '';
  const yours = yoursOf(installed);
  const unconfirmed = openClaims(network, today, new Ledger(network.log.records));
  const lines = [
    on
      ? t('app.automation.status.on', {
          sender: sender || t('app.automation.unknown-account'),
          since: last.timestamp.slice(0, 10),
        })
      : t('app.automation.status.off'),
  ];
  if (on && yours !== null && emailKey(sender) === emailKey(user) && !(yours.edit && yours.hourly)) {
    lines.push(t('app.automation.status.triggers-gone'));
  }
  if (!on && yours !== null && (yours.edit || yours.hourly)) lines.push(t('app.automation.status.triggers-left'));
  if (bound) lines.push(boundWarning());
  for (const tab of stoppedTabs(network)) lines.push(tab.message);
  for (const b of duplicateIds(network)) lines.push(t('app.automation.status.held-back', { reason: b.reason }));
  for (const c of unconfirmed) lines.push(unconfirmedLine(c));
  return { on, sender, since: last?.timestamp ?? '', yours, unconfirmed, lines };
}

/** Whether automation is on, from whose account, and what needs a person's eye. Anyone may see it. */
export function automationStatus(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'triggers' | 'runtime'>,
): AutomationStatus {
  const { network } = readNetwork(ports.workbook, DELIVERY_TABS);
  return statusOf(
    network,
    ports.clock.today(),
    ports.user.email(),
    ports.triggers?.list() ?? null,
    undefined,
    ports.runtime?.bound() ?? false,
  );
}

function logSwitch(ports: Ports, tabs: LockedTabs, event: string, details: string): LogEntry {
  const entry: LogEntry = {
    timestamp: ports.clock.now(),
    actor: ports.user.email(),
    event,
    ref: '',
    recipients: [],
    outcome: 'Done',
    details,
  };
  tabs.append(LogTable, [entry]);
  return entry;
}

interface Switch {
  readonly tabs: LockedTabs;
  readonly email: string;
  readonly triggers: Triggers;
  /** The status before anything changes. */
  readonly before: AutomationStatus;
}

/**
 * A change of the user's triggers: under the lock, for the secretariat only, with what it logged.
 * `change` returns whether it changed something, the Log row it wrote, and its message.
 */
function switchAutomation(
  ports: Ports,
  change: (s: Switch) => { changed: boolean; logged?: LogEntry; message: string },
): AutomationChange {
  return withLockedTabs(ports, (tabs) => {
    const { network } = tabs.readNetwork(DELIVERY_TABS);
    const email = requireSecretariat(ports, network, t('app.automation.command'));
    const triggers = ports.triggers;
    if (triggers === undefined) {
      const status = statusOf(network, ports.clock.today(), email, null);
      return {
        changed: false,
        message: t('app.automation.sheets-only'),
        status,
      };
    }
    const before = statusOf(network, ports.clock.today(), email, triggers.list());
    const { changed, logged, message } = change({ tabs, email, triggers, before });
    return { changed, message, status: statusOf(network, ports.clock.today(), email, triggers.list(), logged) };
  });
}

/**
 * Turns automation on for the current user: exactly one edit trigger and one hourly trigger of the
 * add-on, whatever was there before (a second run changes nothing). Secretariat only; the Log says so.
 */
export function enableAutomation(ports: Ports): AutomationChange {
  return switchAutomation(ports, ({ tabs, email, triggers, before }) => {
    let changed = false;
    for (const kind of ['edit', 'hourly'] as const) {
      const ofKind = triggers.list().filter((t) => t.kind === kind);
      const keep = ofKind.find((t) => t.handler === HANDLERS[kind]);
      // An add-on may hold one trigger of a kind per user and document: one left from an older version goes.
      for (const t of ofKind) {
        if (t === keep) continue;
        triggers.remove(t.id);
        changed = true;
      }
      if (keep === undefined) {
        triggers.add(kind, HANDLERS[kind]);
        changed = true;
      }
    }
    const previous = before.on && emailKey(before.sender) !== email ? before.sender : '';
    const logged =
      changed || !before.on || previous !== ''
        ? logSwitch(
            ports,
            tabs,
            AUTOMATION_EVENTS.on,
            t('app.automation.log.installed', { edit: HANDLERS.edit, hourly: HANDLERS.hourly, email }),
          )
        : undefined;
    const message = [
      logged ? t('app.automation.enabled', { email }) : t('app.automation.already-on'),
      ...(previous === '' ? [] : [t('app.automation.was-on-from', { previous })]),
    ].join(' ');
    return { changed: logged !== undefined, logged, message };
  });
}

/** Removes the current user's triggers of the add-on. Secretariat only; the Log says so. */
export function disableAutomation(ports: Ports): AutomationChange {
  return switchAutomation(ports, ({ tabs, email, triggers, before }) => {
    const handlers: readonly string[] = Object.values(HANDLERS);
    const mine = triggers.list().filter((t) => handlers.includes(t.handler));
    for (const t of mine) triggers.remove(t.id);
    const othersRun = before.on && emailKey(before.sender) !== email;
    const changed = mine.length > 0 || (before.on && !othersRun);
    const removed = t('app.automation.log.removed', {
      count: mine.length,
      handlers: joinWords(mine.map((trigger) => trigger.handler)),
      email,
    });
    const logged = changed
      ? logSwitch(ports, tabs, othersRun ? AUTOMATION_EVENTS.removed : AUTOMATION_EVENTS.off, removed)
      : undefined;
    const message = othersRun
      ? [
          t('app.automation.runs-from', { sender: before.sender }),
          ...(mine.length > 0 ? [t('app.automation.yours-removed')] : []),
        ].join(' ')
      : changed
        ? t('app.automation.disabled')
        : t('app.automation.already-off');
    return { changed, logged, message };
  });
}
