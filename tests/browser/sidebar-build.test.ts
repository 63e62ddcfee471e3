import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './support';

let html: string;

beforeAll(() => {
  ensureBuilt();
  html = readFileSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'), 'utf8');
});

describe('the built decision sidebar', () => {
  it('is one self-contained file under 100 KB that loads nothing from the network', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toContain('inline:script');
    expect(html).not.toContain('inline:style');
  });

  it('never puts text into the page as HTML', () => {
    for (const file of readdirSync(path.join(ROOT, 'sidebar')).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(ROOT, 'sidebar', file), 'utf8');
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
