/**
 * The one set of in-memory ports for use-case tests: a MemoryWorkbook, a fixed clock, a chosen user
 * and owner, a Ui that records what it was asked to show (and answers prompts from a list), a
 * re-entrant lock that counts how often it was taken, a mailer that keeps what it sent, and a
 * protection that keeps the owner and the effective user as Google does.
 */
import type { DialogPage, Email, Ports, ProtectionChange, ProtectionPort, Ui } from '../../src/ports';
import { ProcessLock } from '../../src/node/playground/ports';
import { MemoryInbox } from '../../src/node/inbox';
import { MemoryWorkbook } from './memory-workbook';

export const OWNER = 'owner@iom.int';

export class MemoryProtection implements ProtectionPort {
  readonly editors = new Map<string, Set<string>>();
  readonly descriptions = new Map<string, string>();
  calls = 0;

  constructor(
    private readonly owner: string,
    private readonly effectiveUser: () => string,
  ) {}

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

export class RecordingUi implements Ui {
  readonly toasts: string[] = [];
  readonly alerts: string[] = [];
  readonly prompts: string[] = [];
  readonly sidebars: string[] = [];
  readonly dialogs: DialogPage[] = [];

  /** Answers to give prompts in turn; '' once they run out. */
  constructor(private readonly answers: (string | null)[] = []) {}

  toast(message: string): void {
    this.toasts.push(message);
  }

  alert(message: string): void {
    this.alerts.push(message);
  }

  prompt(message: string): string | null {
    this.prompts.push(message);
    return this.answers.length > 0 ? (this.answers.shift() ?? null) : '';
  }

  showSidebar(page: string): void {
    this.sidebars.push(page);
  }

  showDialog(page: DialogPage): void {
    this.dialogs.push(page);
  }
}

/** The playground's re-entrant lock, counting how often a use case took it (nested takes are not counted). */
export class CountingLock extends ProcessLock {
  taken = 0;

  override withDocumentLock<T>(fn: () => T): T {
    if (!this.held) this.taken++;
    return super.withDocumentLock(fn);
  }
}

export interface TestPortsOptions {
  readonly workbook?: MemoryWorkbook;
  readonly email?: string;
  readonly owner?: string;
  readonly today?: string;
  /** The time of day of now(); the day is today. */
  readonly time?: string;
  readonly quota?: number;
  readonly answers?: (string | null)[];
}

export interface TestPorts extends Ports {
  readonly workbook: MemoryWorkbook;
  readonly protection: MemoryProtection;
  readonly ui: RecordingUi;
  readonly lock: CountingLock;
  readonly sent: Email[];
  readonly inbox: MemoryInbox;
  signIn(email: string): void;
}

export function memoryPorts(options: TestPortsOptions = {}): TestPorts {
  const owner = options.owner ?? OWNER;
  let current = options.email ?? owner;
  const today = options.today ?? '2026-03-15';
  let quota = options.quota ?? 100;
  const sent: Email[] = [];
  return {
    workbook: options.workbook ?? new MemoryWorkbook(),
    sent,
    signIn: (next) => (current = next),
    clock: { today: () => today, now: () => `${today}T${options.time ?? '10:00:00'}` },
    user: { email: () => current, owner: () => owner },
    ui: new RecordingUi(options.answers),
    lock: new CountingLock(),
    mailer: {
      remainingQuota: () => quota,
      send: (e) => {
        quota -= e.to.length + (e.cc?.length ?? 0);
        sent.push(e);
      },
    },
    protection: new MemoryProtection(owner, () => current),
    inbox: new MemoryInbox(),
  };
}
