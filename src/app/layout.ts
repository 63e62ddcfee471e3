/** A tab's look (dropdowns, checkboxes, date formats, widths) from its TableDef, wherever its columns stand. */
import type { Column } from '../domain/cells';
import type { TableDef } from '../domain/tables';
import type { ColumnLayout, TabLayout } from '../ports';

/**
 * The layout of a tab's contract columns. `positions` maps field keys to 0-based columns as the tab
 * has them (a HeaderMap's index); without it the columns stand in the definition's order. Columns
 * listed in `keepWidth` keep the width they have: only columns setup creates get the default width.
 */
export function tabLayout(
  def: TableDef,
  positions?: ReadonlyMap<string, number>,
  keepWidth: ReadonlySet<string> = new Set(),
): TabLayout {
  const columns: ColumnLayout[] = [];
  Object.entries(def.columns as Record<string, Column>).forEach(([key, column], i) => {
    const at = positions === undefined ? i : positions.get(key);
    if (at === undefined) return;
    const width = keepWidth.has(key) ? null : column.width;
    columns.push({ column: at + 1, header: column.header, kind: column.kind, choices: column.choices, width });
  });
  columns.sort((a, b) => a.column - b.column);
  return { columns };
}
