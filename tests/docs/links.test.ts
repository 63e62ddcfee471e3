import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE } from '../../examples/uzbekistan';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = [
  'README.md',
  'examples/README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (page: string) => readFileSync(path.join(ROOT, page), 'utf8');

/** The anchors GitHub gives a page's headings. */
function anchors(text: string): Set<string> {
  const headings = [...text.matchAll(/^#+ (.+)$/gm)].map((m) => m[1]!);
  return new Set(
    headings.map((h) =>
      h
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    ),
  );
}

describe('README.md and docs/', () => {
  it.each(PAGES)('%s links only to files and headings of the repository', (page) => {
    const text = read(page);
    expect(text, 'a reader has the repository, not the team folder beside it').not.toMatch(/\.\.\/shared|shared\/tor/);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#');
      const resolved = file === '' ? path.join(ROOT, page) : path.resolve(path.dirname(path.join(ROOT, page)), file!);
      expect(path.relative(ROOT, resolved), `${target} stays inside the repository`).not.toMatch(/^\.\./);
      expect(existsSync(resolved), `${target} exists`).toBe(true);
      if (anchor) expect(anchors(readFileSync(resolved, 'utf8')), `${target}'s heading`).toContain(anchor);
    }
  });

  it("the README's --user example is a plain member's focal point in the example workbook", () => {
    const email = /npm start -- --user (\S+)/.exec(read('README.md'))?.[1];
    const focal = EXAMPLE.focalPoints.find((fp) => fp.email === email);
    expect(focal, `${email} is a focal point of examples/uzbekistan.ts`).toBeDefined();
    expect(EXAMPLE.members.find((m) => m.agency === focal?.agency)?.roles).toEqual(['Member']);
  });
});
