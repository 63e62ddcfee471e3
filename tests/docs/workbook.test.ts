import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/domain/cells';
import { settingColumns } from '../../src/domain/settings';
import { TABLES } from '../../src/domain/tables';

const DOC = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/workbook.md'), 'utf8');

/** The text under `## NAME`, up to the next heading of that level. */
function section(name: string): string {
  const start = DOC.indexOf(`\n## ${name}\n`);
  if (start < 0) return '';
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** The table rows of a section, by their first cell. */
function rows(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (line.startsWith('|') && cells[1]) out.set(cells[1], line);
  }
  return out;
}

function explains(text: string, columns: readonly Column[]): void {
  const table = rows(text);
  for (const column of columns) {
    const row = table.get(column.header);
    expect(row, `a row for ${column.header}`).toBeDefined();
    for (const choice of column.choices) expect(row, `${column.header} lists ${choice}`).toContain(`\`${choice}\``);
    if (column.required) expect(row, `${column.header} is marked required`).toContain('*required*');
  }
}

describe('docs/workbook.md', () => {
  it.each(TABLES.filter((t) => t.name !== 'Settings'))('explains every column and dropdown value of $name', (def) => {
    const text = section(def.name);
    expect(text, `a "## ${def.name}" section`).not.toBe('');
    explains(text, Object.values(def.columns as Record<string, Column>));
    if (def.idPrefix !== null) expect(text).toContain(`\`${def.idPrefix}-`);
  });

  it('explains every setting and its dropdown values', () => {
    explains(section('Settings'), Object.values(settingColumns() as Record<string, Column>));
  });
});
