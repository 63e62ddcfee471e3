import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import rules from '../../src/domain/i18n/messages/en/rules.json';
import {
  ADMISSION_RULE,
  MEMBER_LIST_SHARING_MONTHS,
  MINUTES_APPROVAL_DUE_DAYS,
  STATE_CONSULTATION_BODY,
} from '../../src/domain/setting-labels';
import { TABLES } from '../../src/domain/tables';
import { ensureBuilt, ROOT } from './support';

/**
 * What each built page may weigh, in every language: the 80 KB of issue 20. The server sends the
 * network decoded and each record's version, so a page carries no table definition, codec or
 * settings, and no zod: the server parses every argument, and the forms' checks are plain code. A
 * page in Russian carries its messages in Cyrillic, two bytes a letter in UTF-8: the decision
 * sidebar's 210 messages weigh 20.6 KB against 10.8 KB in English. It fits because each string and
 * property name a page repeats is written once (scripts/pool-strings.mjs): without that, 86.9 KB.
 */
const PAGE_KB = 80;

let pages: string[];

beforeAll(() => {
  ensureBuilt();
  // Messages-<language>.html, Library-<name>.html and Module-<name>.html are scripts Code.js reads, not pages.
  pages = readdirSync(path.join(ROOT, 'dist')).filter(
    (f) => f.endsWith('.html') && !/^(Messages|Library|Module)-/.test(f),
  );
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
      expect(Buffer.byteLength(html), page).toBeLessThanOrEqual(PAGE_KB * 1024);
      expect(html, page).not.toMatch(/<script[^>]+src=/i);
      expect(html, page).not.toMatch(/<link[^>]+href=/i);
      expect(html, page).not.toMatch(/@import|url\(\s*['"]?https?:/i);
      expect(html, page).not.toContain('inline:script');
      expect(html, page).not.toContain('inline:style');
    }
  });

  it('carry no table definition: the server sends what they show decoded', () => {
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, 'dist', page), 'utf8');
      for (const table of TABLES) expect(html, `${page}: ${table.name}`).not.toContain(table.purpose);
    }
  });

  it('carry no zod: its schemas would be most of a page, and the server checks what a page sends', () => {
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, 'dist', page), 'utf8');
      expect(html, page).not.toContain('_zod');
    }
  });

  it('carry only the messages they name: no report or email text rides along', () => {
    for (const page of pages.filter((p) => !p.startsWith('Messages-'))) {
      const html = readFileSync(path.join(ROOT, 'dist', page), 'utf8');
      expect(html, page).not.toMatch(/"(reports\.|email\.(?!steps\.))[a-z0-9.-]+":/);
    }
  });

  it("carry the baselines of the guidance's rules only, not those of the whole register", () => {
    const html = readFileSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'), 'utf8');
    expect(html).toContain(rules['baseline.decisions-consensus']);
    expect(html).not.toContain(rules['baseline.workplan-gcm']);
    expect(html).not.toContain(rules['baseline.meetings-minutes']);
  });

  it("carry the Setting words of the settings the guidance's rules cite only, not the whole tab's", () => {
    for (const page of ['DecisionSidebar.html', 'DecisionSidebar-ru.html']) {
      const html = readFileSync(path.join(ROOT, 'dist', page), 'utf8');
      expect(html, page).toContain(STATE_CONSULTATION_BODY[1]);
      expect(html, page).toContain(ADMISSION_RULE[1]);
      expect(html, page).not.toContain(MEMBER_LIST_SHARING_MONTHS[1]);
      expect(html, page).not.toContain(MINUTES_APPROVAL_DUE_DAYS[1]);
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
