/**
 * The inbox of a local file (the CLI, the playground): the process's memory. In the playground the
 * answers of a member wait there, as in the document's properties in Sheets, until a run of the
 * secretariat moves them into the Answers tab.
 */
import type { Inbox } from '../ports';

export class MemoryInbox implements Inbox {
  readonly map = new Map<string, string>();

  entries(prefix: string): Record<string, string> {
    return Object.fromEntries([...this.map].filter(([k]) => k.startsWith(prefix)));
  }

  put(key: string, value: string): void {
    this.map.set(key, value);
  }

  remove(keys: readonly string[]): void {
    for (const k of keys) this.map.delete(k);
  }
}
