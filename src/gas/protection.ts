/**
 * Sheet protection over Apps Script, with Google's documented pattern: make sure the effective user
 * is an editor first (removing a group they edit through would otherwise throw), remove everyone
 * else, and turn domain-wide editing off where the file allows it. Only the difference from the
 * wanted editors is sent, so a protection already in line costs reads and no writes.
 */
import { emailKey } from '../domain/words';
import type { ProtectionChange, ProtectionPort } from '../ports';

function emailsOf(users: GoogleAppsScript.Base.User[]): string[] {
  return users.map((u) => emailKey(u.getEmail())).filter((e) => e !== '');
}

export function gasProtection(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActive()): ProtectionPort {
  let kept: Set<string> | undefined;
  // Google never lets a protection exclude the owner or the user running the script.
  const alwaysEditors = () => (kept ??= new Set([emailKey(Session.getEffectiveUser().getEmail()), emailKey(spreadsheet.getOwner()?.getEmail() ?? '')].filter((e) => e !== '')));

  return {
    protectTab(tab: string, editors: readonly string[], description: string): ProtectionChange {
      const sheet = spreadsheet.getSheetByName(tab);
      if (sheet === null) throw new Error(`The workbook has no ${tab} tab to protect.`);
      const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] as GoogleAppsScript.Spreadsheet.Protection | undefined;
      if (existing !== undefined && !existing.canEdit()) {
        return { created: false, added: [], removed: [], domainEditOff: false, enforced: false, blocked: true };
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

      let domainEditOff = false;
      try {
        if (protection.canDomainEdit()) {
          protection.setDomainEdit(false);
          domainEditOff = true;
        }
      } catch {
        // A file owned by a consumer (gmail.com) account has no domain: there is nothing to turn off.
      }
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
