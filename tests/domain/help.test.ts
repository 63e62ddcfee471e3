import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/domain/html';
import { helpHtml, helpTabs } from '../../src/domain/help';
import { TABLES } from '../../src/domain/tables';

describe('the first-run help', () => {
  it('says what every tab is for, in WORKBOOK.md order', () => {
    const html = helpHtml();
    expect(helpTabs().map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    const at = TABLES.map((t) => html.indexOf(`<dt>${escapeHtml(t.name)}</dt><dd>${escapeHtml(t.purpose)}</dd>`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('escapes every text it shows', () => {
    const html = helpHtml([{ name: '<img src=x onerror=alert(1)>', purpose: 'Tom & Jerry\'s "notes"' }]);
    expect(html).toContain(
      '<dt>&lt;img src=x onerror=alert(1)&gt;</dt><dd>Tom &amp; Jerry&#39;s &quot;notes&quot;</dd>',
    );
    expect(html).not.toContain('<img');
  });
});
