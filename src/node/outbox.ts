/**
 * A Mailer that sends nothing: each email becomes a JSON file in a folder, so the playground and the
 * CLI can show what would have gone out. The Mailer port is synchronous (MailApp is), hence the
 * synchronous file calls.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Email, Mailer } from '../ports';

export interface OutboxEmail extends Email {
  /** When it was "sent", ISO 8601. */
  readonly sentAt: string;
  readonly file: string;
}

/** Google's daily recipient quota for a consumer account. */
export const CONSUMER_QUOTA = 100;

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
    if (recipients > this.remainingQuota()) {
      throw new Error(`Service invoked too many times for one day: email (${this.remainingQuota()} recipients left today).`);
    }
    mkdirSync(this.dir, { recursive: true });
    const sentAt = this.now();
    const sequence = String(readdirSync(this.dir).filter((f) => f.endsWith('.json')).length + 1).padStart(4, '0');
    const file = `${sequence}-${sentAt.replace(/[^0-9]/g, '').slice(0, 14)}.json`;
    writeFileSync(path.join(this.dir, file), `${JSON.stringify({ sentAt, ...email }, null, 2)}\n`);
    this.sentToday += recipients;
  }

  /** Every email in the folder, oldest first; files that are not readable emails are skipped. */
  list(): OutboxEmail[] {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      return [];
    }
    const out: OutboxEmail[] = [];
    for (const file of files) {
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
