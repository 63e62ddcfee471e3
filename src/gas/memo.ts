/**
 * What Set up / repair workbook last applied to each tab (its dropdowns and formats, its protection),
 * kept in the document's properties. Sheets cannot report a column's validation or a protection's
 * settings without a round trip per column or per setting, so re-checking an intact workbook used to
 * cost some 350 calls and 20–40 seconds of a locked document; with the memo it costs one read of the
 * properties, and the adapters re-apply only what differs. Document properties stay with the file
 * (never with a copy of it), and only the add-on can read or change them.
 */

const PREFIX = 'unmn.applied:';

/**
 * What setup applied to a tab (`layout`, `protection`), what the last report or check wrote to a
 * result tab (`result`), and the spreadsheet's sheets in order as last named (`tabs`, under '').
 */
export type MemoKind = 'layout' | 'protection' | 'result' | 'tabs';

export class AppliedMemo {
  private entries: Map<string, string> | null = null;
  /** What this execution applied: it stands, whatever the execution did to the tab after. */
  private readonly fresh = new Set<string>();

  private load(): Map<string, string> {
    if (this.entries === null) {
      const store = PropertiesService.getDocumentProperties();
      const all = store?.getProperties() ?? {};
      this.entries = new Map(
        Object.entries(all)
          .filter(([k]) => k.startsWith(PREFIX))
          .map(([k, v]) => [k.slice(PREFIX.length), v]),
      );
    }
    return this.entries;
  }

  /** What was last applied of this kind to this tab; undefined when nothing is remembered. */
  value(kind: MemoKind, tab: string): string | undefined {
    return this.load().get(`${kind}:${tab}`);
  }

  /** Whether `value` is what was last applied of this kind to this tab. */
  matches(kind: MemoKind, tab: string, value: string): boolean {
    return this.load().get(`${kind}:${tab}`) === value;
  }

  remember(kind: MemoKind, tab: string, value: string): void {
    const key = `${kind}:${tab}`;
    const entries = this.load();
    this.fresh.add(key);
    if (entries.get(key) === value) return;
    entries.set(key, value);
    try {
      PropertiesService.getDocumentProperties()?.setProperty(PREFIX + key, value);
    } catch {
      // Past the properties' size limits the memo is only lost: the next run applies the tab again.
      entries.delete(key);
      this.fresh.delete(key);
    }
  }

  /** The tab changed under what was applied (a new tab, rows added): the next run applies it again. */
  forget(kind: MemoKind, tab: string): void {
    const key = `${kind}:${tab}`;
    this.fresh.delete(key);
    if (this.load().delete(key)) PropertiesService.getDocumentProperties()?.deleteProperty(PREFIX + key);
  }

  /**
   * Forgets what an earlier execution applied (a tab that lost its protection may have been deleted
   * and typed back by hand), but not what this one applied: setup lays a new tab out, then protects it.
   */
  forgetEarlier(kind: MemoKind, tab: string): void {
    if (!this.fresh.has(`${kind}:${tab}`)) this.forget(kind, tab);
  }
}
