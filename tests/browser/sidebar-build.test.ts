import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support';

/**
 * What each built page may weigh. Every dialog fits the 80 KB of issue 20. The sidebar does not yet:
 * what it shares with the server (zod/mini 25 KB; the tables, codec, settings and RPC schemas 32 KB;
 * the rules its live guidance runs 16 KB) and Preact (13.5 KB) come to 86 KB before its own three
 * panels (30 KB) and style (5 KB).
 */
const BUDGET_KB: Readonly<Record<string, number>> = { 'DecisionSidebar.html': 125 };
const DIALOG_KB = 80;

let pages: string[];

beforeAll(() => {
  ensureBuilt();
  pages = readdirSync(path.join(ROOT, 'dist')).filter((f) => f.endsWith('.html'));
});

describe('the built sidebar and dialogs', () => {
  it('are the decision sidebar, the circulation preview and the answer dialog', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['DecisionSidebar.html', 'CirculationPreview.html', 'ConsultationDialog.html']),
    );
  });

  it('are each one self-contained file within its budget that loads nothing from the network', () => {
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, 'dist', page), 'utf8');
      expect(Buffer.byteLength(html), page).toBeLessThanOrEqual((BUDGET_KB[page] ?? DIALOG_KB) * 1024);
      expect(html, page).not.toMatch(/<script[^>]+src=/i);
      expect(html, page).not.toMatch(/<link[^>]+href=/i);
      expect(html, page).not.toMatch(/@import|url\(\s*['"]?https?:/i);
      expect(html, page).not.toContain('inline:script');
      expect(html, page).not.toContain('inline:style');
    }
  });

  it('never put text into the page as HTML', () => {
    const sources = readdirSync(path.join(ROOT, 'sidebar'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const source = readFileSync(path.join(ROOT, 'sidebar', file), 'utf8');
      expect(source, file).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML/,
      );
    }
  });
});
