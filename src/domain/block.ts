/** The shape every WorkbookPort write takes: a rectangle of at least one row and one column. */

/**
 * The block's size; throws, naming what was being done, when it has no cells or ragged rows.
 * @i18n-exempt: a block of the wrong shape is a programming error, told in the execution log
 */
export function rectangle<T>(values: readonly (readonly T[])[], what: string): { rows: number; columns: number } {
  const columns = values[0]?.length ?? 0;
  if (values.length === 0 || columns === 0) throw new Error(`Nothing to ${what}: the block has no rows or no columns.`);
  const ragged = values.findIndex((r) => r.length !== columns);
  if (ragged >= 0) {
    throw new Error(
      `Cannot ${what}: row ${ragged + 1} of the block has ${values[ragged]!.length} cells where the first has ${columns}.`,
    );
  }
  return { rows: values.length, columns };
}
