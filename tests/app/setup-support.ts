/**
 * In-memory ports for the setup and authorization tests: a MemoryWorkbook, a fixed clock, a chosen
 * user and owner, and a protection that keeps the owner and the effective user as Google does.
 */
import { headerRow } from '../../src/domain/codec';
import type { Cell } from '../../src/domain/cells';
import { settingsRows } from '../../src/domain/settings';
import { PROFILES } from '../../src/domain/profiles';
import { FocalPointsTable, MembersTable, SettingsTable, TABLES } from '../../src/domain/tables';
import type { Email, Ports, ProtectionChange, ProtectionPort } from '../../src/ports';
import { MemoryWorkbook } from '../support/memory-workbook';

export const OWNER = 'owner@iom.int';

export class MemoryProtection implements ProtectionPort {
  readonly editors = new Map<string, Set<string>>();
  readonly descriptions = new Map<string, string>();
  calls = 0;

  constructor(private readonly owner: string, private readonly effectiveUser: () => string) {}

  protectTab(tab: string, editors: readonly string[], description: string): ProtectionChange {
    this.calls++;
    const kept = new Set([this.owner, this.effectiveUser()].filter((e) => e !== ''));
    const wanted = new Set([...editors, ...kept]);
    const before = this.editors.get(tab);
    if (before !== undefined && !before.has(this.effectiveUser()) && this.effectiveUser() !== this.owner) {
      return { created: false, added: [], removed: [], domainEditOff: false, enforced: false, blocked: true };
    }
    const current = before ?? new Set(kept);
    const added = [...wanted].filter((e) => !current.has(e) && !kept.has(e));
    const removed = [...current].filter((e) => !wanted.has(e));
    this.editors.set(tab, wanted);
    this.descriptions.set(tab, description);
    return { created: before === undefined, added, removed, domainEditOff: false, enforced: false, blocked: false };
  }
}

export interface TestPorts extends Ports {
  readonly workbook: MemoryWorkbook;
  readonly protection: MemoryProtection;
  readonly sent: Email[];
  signIn(email: string): void;
}

export function memoryPorts(workbook = new MemoryWorkbook(), email = OWNER, owner = OWNER): TestPorts {
  let current = email;
  const sent: Email[] = [];
  return {
    workbook,
    sent,
    signIn: (next) => (current = next),
    clock: { today: () => '2026-03-15', now: () => '2026-03-15T10:00:00' },
    user: { email: () => current, owner: () => owner },
    ui: { toast: () => undefined, alert: () => undefined },
    lock: { withDocumentLock: (fn) => fn() },
    mailer: { remainingQuota: () => 100, send: (e) => void sent.push(e) },
    protection: new MemoryProtection(owner, () => current),
  };
}

/** A set-up workbook with IOM (Coordinator, Secretariat) and UNRC (Co-chair) and one ordinary member, UNDP. */
export function networkWorkbook(): MemoryWorkbook {
  const tabs: Record<string, Cell[][]> = {};
  for (const def of TABLES) tabs[def.name] = [headerRow(def)];
  tabs[SettingsTable.name] = [headerRow(SettingsTable), ...settingsRows(PROFILES.uzbekistan.defaults)];
  tabs[MembersTable.name] = [
    headerRow(MembersTable),
    ['IOM', 'International Organization for Migration', 'Coordinator, Secretariat', 'Active', '', '', '', ''],
    ['UNRC', 'UN Resident Coordinator', 'Co-chair', 'Active', '', '', '', ''],
    ['UNDP', 'UN Development Programme', 'Member', 'Active', '', '', '', ''],
  ];
  tabs[FocalPointsTable.name] = [
    headerRow(FocalPointsTable),
    ['IOM', 'Aziza Karimova', 'Programme Officer', 'akarimova@iom.int', 'Primary', true],
    ['UNRC', 'Jonas Berg', 'Coordination Officer', 'jberg@un.org', 'Primary', true],
    ['UNDP', 'Dilnoza Yusupova', 'Analyst', 'dyusupova@undp.org', 'Primary', true],
  ];
  return new MemoryWorkbook(tabs);
}

/** A deep copy of every tab, to compare before and after. */
export function snapshot(workbook: MemoryWorkbook): Record<string, Cell[][]> {
  return Object.fromEntries([...workbook.tabs].map(([name, grid]) => [name, grid.map((row) => [...row])]));
}

export function writes(workbook: MemoryWorkbook): number {
  const c = workbook.calls;
  return (c.write ?? 0) + (c.writeLinks ?? 0) + (c.paint ?? 0) + (c.clearFrom ?? 0) + (c.addTab ?? 0);
}
