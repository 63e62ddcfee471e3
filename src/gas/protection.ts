/**
 * Sheet protection over Apps Script, with Google's documented pattern: make sure the effective user
 * is an editor first (removing a group they edit through would otherwise throw), remove everyone
 * else, and turn domain-wide editing off where the file allows it. Only the difference from the
 * wanted editors is sent, so a protection already in line costs reads and no writes.
 *
 * With a memo of what was applied, a protection still as it was left costs three calls instead of
 * eight: it is there, it does not merely warn, and it lists as many editors as then, for the same
 * wanted editors and description. Anything else (a new secretariat in the register, a protection
 * removed or set to warn only, an editor added or removed by hand) takes the full path. Domain edit
 * turned back on by hand waits for the next full pass: reading it too would cost ten calls more on
 * every run.
 */
import { t } from '../domain/i18n';
import { emailKey } from '../domain/words';
import type { ProtectionChange, ProtectionPort } from '../ports';
import type { AppliedMemo } from './memo';

function emailsOf(users: GoogleAppsScript.Base.User[]): string[] {
  return users.map((u) => emailKey(u.getEmail())).filter((e) => e !== '');
}

const UNCHANGED: ProtectionChange = {
  created: false,
  added: [],
  removed: [],
  domainEditOff: false,
  enforced: false,
  blocked: false,
};

export interface ProtectionOptions {
  /** The sheets as the workbook port has already looked them up (one lookup per tab and execution). */
  readonly sheet?: (tab: string) => GoogleAppsScript.Spreadsheet.Sheet | null;
  readonly memo?: AppliedMemo;
  /** Told before the first change, for the lock to flush it. */
  readonly onWrite?: () => void;
}

export function gasProtection(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive(),
  options: ProtectionOptions = {},
): ProtectionPort {
  const { memo } = options;
  const sheetOf = options.sheet ?? ((tab: string) => spreadsheet.getSheetByName(tab));
  let kept: Set<string> | undefined;
  // Google never lets a protection exclude the owner or the user running the script.
  const alwaysEditors = () =>
    (kept ??= new Set(
      [emailKey(Session.getEffectiveUser().getEmail()), emailKey(spreadsheet.getOwner()?.getEmail() ?? '')].filter(
        (e) => e !== '',
      ),
    ));

  return {
    protectTab(tab: string, editors: readonly string[], description: string): ProtectionChange {
      const sheet = sheetOf(tab);
      if (sheet === null) throw new Error(t('app.protection.no-tab', { tab }));
      const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] as
        GoogleAppsScript.Spreadsheet.Protection | undefined;
      const applied = (count: number) =>
        JSON.stringify({ editors: [...new Set(editors.map(emailKey))].sort(), description, count });
      if (
        memo !== undefined &&
        existing !== undefined &&
        !existing.isWarningOnly() &&
        memo.matches('protection', tab, applied(editorCount(existing)))
      )
        return UNCHANGED;
      options.onWrite?.();
      if (existing !== undefined && !existing.canEdit()) {
        return { ...UNCHANGED, blocked: true };
      }
      const protection = existing ?? sheet.protect();
      const created = existing === undefined;
      if (created || protection.getDescription() !== description) protection.setDescription(description);
      const warned = protection.isWarningOnly();
      if (warned) protection.setWarningOnly(false);

      const always = alwaysEditors();
      const wanted = new Set([...editors.map(emailKey), ...always].filter((e) => e !== ''));
      const current = new Set(emailsOf(protection.getEditors()));
      const added = [...wanted].filter((e) => !current.has(e));
      const removed = [...current].filter((e) => !wanted.has(e) && !always.has(e));
      if (added.length > 0) protection.addEditors(added);
      if (removed.length > 0) protection.removeEditors(removed);

      if (created) memo?.forgetEarlier('layout', tab);
      let domainEditOff = false;
      try {
        if (protection.canDomainEdit()) {
          protection.setDomainEdit(false);
          domainEditOff = true;
        }
      } catch {
        // A file owned by a consumer (gmail.com) account has no domain: there is nothing to turn off.
      }
      memo?.remember('protection', tab, applied(editorCount(protection)));
      return {
        created,
        added: added.filter((e) => !always.has(e)),
        removed,
        domainEditOff,
        enforced: warned && !created,
        blocked: false,
      };
    },
  };
}

/** How many editors a protection lists; -1 when the user may not ask (Google throws unless they can edit it). */
function editorCount(protection: GoogleAppsScript.Spreadsheet.Protection): number {
  try {
    return protection.getEditors().length;
  } catch {
    return -1;
  }
}
