/**
 * An in-memory WorkbookPort for use-case tests: tabs as grids of cells, with the layouts, links and
 * colours applied kept for inspection, and a count of calls by method.
 */
import { rectangle } from '../../src/domain/block';
import type { Cell, CellLink, TabChart, TabLayout, TabStyle, WorkbookPort } from '../../src/ports';

export class MemoryWorkbook implements WorkbookPort {
  readonly tabs = new Map<string, Cell[][]>();
  readonly layouts = new Map<string, TabLayout>();
  readonly links = new Map<string, CellLink>();
  readonly colors = new Map<string, string | null>();
  /** The last style and charts given to each result tab. */
  readonly styles = new Map<string, TabStyle>();
  readonly charts = new Map<string, readonly TabChart[]>();
  readonly calls: Record<string, number> = {};

  constructor(tabs: Record<string, Cell[][]> = {}) {
    for (const [name, grid] of Object.entries(tabs))
      this.tabs.set(
        name,
        grid.map((r) => [...r]),
      );
  }

  private count(method: string) {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  private grid(tab: string): Cell[][] {
    const grid = this.tabs.get(tab);
    if (!grid) throw new Error(`Sheet ${tab} not found`);
    return grid;
  }

  hasTab(tab: string): boolean {
    this.count('hasTab');
    return this.tabs.has(tab);
  }

  tabNames(): string[] {
    this.count('tabNames');
    return [...this.tabs.keys()];
  }

  read(tab: string): Cell[][] | null {
    this.count('read');
    const grid = this.tabs.get(tab);
    if (!grid) return null;
    const width = Math.max(0, ...grid.map((r) => r.length));
    let height = grid.length;
    while (height > 0 && (grid[height - 1] ?? []).every((c) => c === '')) height--;
    return grid.slice(0, height).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  }

  write(tab: string, row: number, column: number, values: Cell[][]): void {
    this.count('write');
    const grid = this.grid(tab);
    rectangle(values, `write to ${tab}`);
    values.forEach((cells, i) => {
      const target = (grid[row - 1 + i] ??= []);
      for (let k = target.length; k < column - 1; k++) target[k] = '';
      cells.forEach((cell, j) => (target[column - 1 + j] = cell));
    });
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  }

  writeLinks(tab: string, row: number, column: number, links: (CellLink | null)[][]): void {
    this.count('writeLinks');
    this.write(
      tab,
      row,
      column,
      links.map((r) => r.map((l) => l?.text ?? '')),
    );
    this.calls.write = (this.calls.write ?? 1) - 1;
    links.forEach((r, i) => r.forEach((l, j) => l && this.links.set(`${tab}!${row + i},${column + j}`, l)));
  }

  paint(tab: string, row: number, column: number, colors: (string | null)[][]): void {
    this.count('paint');
    rectangle(colors, `colour ${tab}`);
    colors.forEach((r, i) => r.forEach((c, j) => this.colors.set(`${tab}!${row + i},${column + j}`, c)));
  }

  clearFrom(tab: string, fromRow: number): void {
    this.count('clearFrom');
    this.grid(tab).length = Math.min(this.grid(tab).length, fromRow - 1);
  }

  addTab(tab: string, position?: number): void {
    this.count('addTab');
    if (this.tabs.has(tab)) throw new Error(`A sheet with the name "${tab}" already exists.`);
    const entries = [...this.tabs.entries()];
    entries.splice(position ?? entries.length, 0, [tab, []]);
    this.tabs.clear();
    for (const [k, v] of entries) this.tabs.set(k, v);
  }

  /** Keeps the layout as the sheet ends up with it: a column given no width keeps the one it had. */
  removeEmptyTab(tab: string): void {
    this.count('removeEmptyTab');
    if (this.grid(tab).some((r) => r.some((c) => c !== ''))) throw new Error(`The ${tab} tab is not empty: it stays.`);
    this.tabs.delete(tab);
  }

  flush(): void {
    this.count('flush');
  }

  format(tab: string, layout: TabLayout): void {
    this.count('format');
    this.grid(tab);
    const before = new Map((this.layouts.get(tab)?.columns ?? []).map((c) => [c.column, c.width]));
    this.layouts.set(tab, {
      columns: layout.columns.map((c) => ({ ...c, width: c.width ?? before.get(c.column) ?? null })),
    });
  }

  style(tab: string, style: TabStyle): void {
    this.count('style');
    this.grid(tab);
    this.layouts.delete(tab);
    for (const key of [...this.colors.keys()]) if (key.startsWith(`${tab}!`)) this.colors.delete(key);
    this.styles.set(tab, style);
  }

  chart(tab: string, charts: readonly TabChart[]): void {
    this.count('chart');
    this.grid(tab);
    this.charts.set(tab, charts);
  }
}
