/**
 * A fault-injecting simulation of what the add-on runs on: one spreadsheet that several executions
 * share, the document lock between them, a mail service with a daily quota, and faults on demand.
 * As in Sheets, an execution's writes are its own until it flushes (or ends normally); one that is
 * killed loses them, lets go of the lock and can do nothing more. Nothing here enters a bundle.
 */
import type {
  Cell,
  CellLink,
  Clock,
  Email,
  Lock,
  Mailer,
  Ports,
  Stopwatch,
  TabLayout,
  Ui,
  WorkbookPort,
} from '../../src/ports';
import { MemoryInbox } from '../../src/node/inbox';
import { MemoryWorkbook } from '../support/memory-workbook';

export class ExecutionKilled extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'ExecutionKilled';
  }
}

export interface SentEmail extends Email {
  /** The execution that sent it (1, 2, …). */
  readonly execution: number;
}

export interface RunOptions {
  /** Who runs it (the secretariat by default). */
  readonly user?: string;
  /** How long the execution has run when asked (0 by default). */
  readonly elapsedMs?: () => number;
}

export interface RunResult<T> {
  readonly value?: T;
  readonly killed: boolean;
  readonly execution: Execution;
}

export class World {
  readonly store: MemoryWorkbook;
  readonly sent: SentEmail[] = [];
  /** The document's properties: the members' answers waiting for the secretariat. */
  readonly inbox = new MemoryInbox();
  /** Recipients left today. */
  quota = 1500;
  today: string;
  /** Minutes past midnight of the simulated clock. */
  minutes = 9 * 60;
  /** Runs before each send: throw to make the send fail (nothing goes out). */
  beforeSend: ((email: Email, execution: Execution) => void) | null = null;
  /** Runs after each send: kill the execution here to stop it between send and confirmation. */
  afterSend: ((email: Email, execution: Execution) => void) | null = null;
  holder: Execution | null = null;
  private executions = 0;

  constructor(
    tabs: Record<string, Cell[][]>,
    today: string,
    readonly secretariat = 'secretariat@iom.int',
  ) {
    this.store = new MemoryWorkbook(tabs);
    this.today = today;
  }

  /** The tab as everyone sees it: what was flushed. */
  tab(name: string): Cell[][] {
    return this.store.read(name) ?? [];
  }

  /** One execution of `fn`, which ends by flushing its writes unless it was killed. */
  run<T>(fn: (ports: Ports) => T, options: RunOptions = {}): RunResult<T> {
    const execution = new Execution(this, ++this.executions, options);
    try {
      const value = fn(execution.ports);
      execution.end();
      return { value, killed: false, execution };
    } catch (error) {
      if (execution.killed) return { killed: true, execution };
      throw error;
    }
  }
}

export class Execution {
  killed = false;
  readonly ports: Ports;
  private local: MemoryWorkbook | null = null;
  private pending: ((wb: MemoryWorkbook) => void)[] = [];

  constructor(
    private readonly world: World,
    readonly id: number,
    options: RunOptions,
  ) {
    const user = options.user ?? world.secretariat;
    const stopwatch: Stopwatch = { elapsedMs: () => (this.alive(), options.elapsedMs?.() ?? 0) };
    this.ports = {
      workbook: this.workbook(),
      clock: this.clock(),
      user: { email: () => user, owner: () => 'owner@un.org' },
      ui: this.ui(),
      lock: this.lock(),
      mailer: this.mailer(),
      inbox: world.inbox,
      stopwatch,
    };
  }

  /** Stops the execution now: unflushed writes are lost, the lock is let go, every later call throws. */
  kill(): never {
    this.killed = true;
    this.local = null;
    this.pending = [];
    if (this.world.holder === this) this.world.holder = null;
    throw new ExecutionKilled();
  }

  end(): void {
    this.flush();
    if (this.world.holder === this) this.world.holder = null;
  }

  private alive(): void {
    if (this.killed) throw new ExecutionKilled();
  }

  private flush(): void {
    this.alive();
    for (const op of this.pending) op(this.world.store);
    this.pending = [];
    this.local = null;
  }

  private view(): MemoryWorkbook {
    return this.local ?? this.world.store;
  }

  /** Applies a change to this execution's own view at once (so that errors surface there) and keeps it for the flush. */
  private change(op: (wb: MemoryWorkbook) => void): void {
    this.alive();
    this.local ??= new MemoryWorkbook(Object.fromEntries(this.world.store.tabs));
    op(this.local);
    this.pending.push(op);
  }

  private workbook(): WorkbookPort {
    return {
      tabNames: () => (this.alive(), this.view().tabNames()),
      hasTab: (tab) => (this.alive(), this.view().hasTab(tab)),
      read: (tab) => (this.alive(), this.view().read(tab)),
      write: (tab, row, column, values: Cell[][]) => this.change((wb) => wb.write(tab, row, column, values)),
      writeLinks: (tab, row, column, links: (CellLink | null)[][]) =>
        this.change((wb) => wb.writeLinks(tab, row, column, links)),
      paint: (tab, row, column, colors: (string | null)[][]) => this.change((wb) => wb.paint(tab, row, column, colors)),
      clearFrom: (tab, row) => this.change((wb) => wb.clearFrom(tab, row)),
      addTab: (tab, position) => this.change((wb) => wb.addTab(tab, position)),
      removeEmptyTab: (tab) => this.change((wb) => wb.removeEmptyTab(tab)),
      format: (tab, layout: TabLayout) => this.change((wb) => wb.format(tab, layout)),
      style: (tab, style) => this.change((wb) => wb.style(tab, style)),
      chart: (tab, charts) => this.change((wb) => wb.chart(tab, charts)),
      flush: () => this.flush(),
    };
  }

  private clock(): Clock {
    const time = () => {
      const m = this.world.minutes;
      return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
    };
    return {
      today: () => (this.alive(), this.world.today),
      now: () => (this.alive(), `${this.world.today}T${time()}`),
    };
  }

  private ui(): Ui {
    const nobody = () => {
      this.alive();
      return null;
    };
    return {
      toast: () => this.alive(),
      alert: () => this.alive(),
      prompt: nobody,
      showSidebar: () => this.alive(),
      showDialog: () => this.alive(),
    };
  }

  /** The document lock: another execution holding it makes the wait time out at once. */
  private lock(): Lock {
    return {
      withDocumentLock: <T>(fn: () => T): T => {
        this.alive();
        const { world } = this;
        if (world.holder !== null && world.holder !== this)
          throw new Error('Lock timeout: another process was holding the lock for too long.');
        const outer = world.holder === this;
        world.holder = this;
        try {
          return fn();
        } finally {
          if (!outer && !this.killed) {
            this.flush();
            world.holder = null;
          }
        }
      },
    };
  }

  private mailer(): Mailer {
    return {
      remainingQuota: () => (this.alive(), this.world.quota),
      send: (email: Email) => {
        this.alive();
        const { world } = this;
        const recipients = email.to.length + (email.cc?.length ?? 0);
        if (recipients > 50) throw new Error('Limit Exceeded: Email Recipients Per Message.');
        if (recipients > world.quota) throw new Error('Service invoked too many times for one day: email.');
        world.beforeSend?.(email, this);
        world.quota -= recipients;
        world.sent.push({ ...email, execution: this.id });
        world.afterSend?.(email, this);
      },
    };
  }
}
