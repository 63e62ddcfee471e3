/**
 * A Mailer that sends nothing: each email becomes a JSON file in a folder, so the playground and the
 * CLI can show what would have gone out. The Mailer port is synchronous (MailApp is), hence the
 * synchronous file calls.
 *
 * The folder is named by the user (`--outbox DIR`), so it may be any folder at all: a marker file says
 * that this program made it, and clearing it removes only the email files the outbox wrote.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { t } from '../domain/i18n';
import type { Email, Mailer } from '../ports';

export interface OutboxEmail extends Email {
  /** When it was "sent", ISO 8601. */
  readonly sentAt: string;
  readonly file: string;
}

/** Google's daily recipient quota for a consumer account. */
export const CONSUMER_QUOTA = 100;

/** The file that marks a folder as an outbox this program made. */
export const OUTBOX_MARKER = '.unmn-outbox';

/** How the outbox names each email it writes: a sequence number, then the digits of when it was sent. */
const EMAIL_FILE = /^(\d{4,})-\d+\.json$/;

/** The error MailApp throws when the day's quota is spent, as Google words it (in English, whatever the network's language). */
export function quotaExceeded(left: number): Error {
  // @i18n-exempt: Google's own MailApp error, imitated word for word.
  return new Error(`Service invoked too many times for one day: email (${left} recipients left today).`);
}

/** A folder that cannot be used as an outbox, in one line. */
export class OutboxFolderError extends Error {
  override readonly name = 'OutboxFolderError';
}

function entries(dir: string): string[] | null {
  try {
    return readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new OutboxFolderError(t('cli.outbox.not-folder', { dir }));
    throw new OutboxFolderError(t('cli.outbox.unreadable', { dir, code: code ?? String(error) }));
  }
}

/**
 * Makes dir an outbox: a missing folder is created and marked, an empty one is marked, a marked one is
 * taken as it is. A folder holding anything else is refused and left untouched: it is not ours to fill
 * or to clear.
 */
export function claimOutbox(dir: string): void {
  const found = entries(dir);
  if (found?.includes(OUTBOX_MARKER)) return;
  if (found !== null && found.length > 0) {
    throw new OutboxFolderError(t('cli.outbox.not-ours', { dir, marker: OUTBOX_MARKER }));
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, OUTBOX_MARKER), `${t('cli.outbox.marker')}\n`);
}

/** Removes the email files the outbox wrote; the marker, subfolders and every other file stay. */
export function clearOutbox(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && EMAIL_FILE.test(entry.name)) unlinkSync(path.join(dir, entry.name));
  }
}

function sequence(file: string): number {
  return Number(EMAIL_FILE.exec(file)?.[1] ?? 0);
}

/** The email files the outbox wrote, oldest first; none when the folder cannot be read. */
function emailFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((f) => EMAIL_FILE.test(f)).sort((a, b) => sequence(a) - sequence(b));
}

export class FileOutbox implements Mailer {
  private sentToday = 0;

  constructor(
    readonly dir: string,
    private readonly now: () => string = () => new Date().toISOString(),
    private readonly quota = CONSUMER_QUOTA,
  ) {}

  remainingQuota(): number {
    return Math.max(0, this.quota - this.sentToday);
  }

  send(email: Email): void {
    const recipients = email.to.length + (email.cc?.length ?? 0);
    if (recipients > this.remainingQuota()) throw quotaExceeded(this.remainingQuota());
    mkdirSync(this.dir, { recursive: true });
    const sentAt = this.now();
    const last = Math.max(0, ...emailFiles(this.dir).map(sequence));
    const file = `${String(last + 1).padStart(4, '0')}-${sentAt.replace(/[^0-9]/g, '').slice(0, 14)}.json`;
    // 'wx': an email never replaces a file, whoever wrote it.
    writeFileSync(path.join(this.dir, file), `${JSON.stringify({ sentAt, ...email }, null, 2)}\n`, { flag: 'wx' });
    this.sentToday += recipients;
  }

  /** Every email the outbox wrote, oldest first; files that are not readable emails are skipped. */
  list(): OutboxEmail[] {
    const out: OutboxEmail[] = [];
    for (const file of emailFiles(this.dir)) {
      try {
        const raw = JSON.parse(readFileSync(path.join(this.dir, file), 'utf8')) as Partial<OutboxEmail>;
        if (!Array.isArray(raw.to) || typeof raw.subject !== 'string') continue;
        out.push({
          to: raw.to.map(String),
          cc: Array.isArray(raw.cc) ? raw.cc.map(String) : [],
          subject: raw.subject,
          text: typeof raw.text === 'string' ? raw.text : '',
          html: typeof raw.html === 'string' ? raw.html : '',
          sentAt: typeof raw.sentAt === 'string' ? raw.sentAt : '',
          file,
          ...(typeof raw.replyTo === 'string' ? { replyTo: raw.replyTo } : {}),
        });
      } catch {
        continue;
      }
    }
    return out;
  }
}
