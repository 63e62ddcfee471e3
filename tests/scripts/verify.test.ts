/**
 * `npm run push` checks before it pushes with `npm run verify`, which must run on the laptop of
 * whoever deploys: no Chromium there (the browser tests are left out), no team folder beside the
 * repository, no LibreOffice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

describe('npm run verify, which npm run push runs first', () => {
  const verify = scripts.verify ?? '';
  const tests = /vitest run (.*)$/.exec(verify)?.[1]?.split(' ') ?? [];

  it("builds, checks every layer's types and the lint, then runs named test folders, never the browser suite", () => {
    expect(verify).toMatch(/^node scripts\/build\.mjs && npm run typecheck && npm run lint && vitest run tests\//);
    expect(tests.length).toBeGreaterThan(0);
    expect(tests.every((t) => t.startsWith('tests/') && !t.startsWith('tests/browser'))).toBe(true);
    expect(scripts.push).toMatch(/^node scripts\/clasp-project\.mjs --check && npm run verify && clasp push/);
    expect(scripts['push:prod']).toMatch(
      /^node scripts\/clasp-project\.mjs --check --prod && npm run verify && clasp -P \.clasp\.prod\.json push/,
    );
  });

  it('runs tests that need no Chromium, no LibreOffice and nothing outside the repository', () => {
    const chosen = tests.flatMap((t) => files(path.join(ROOT, t))).filter((f) => f.endsWith('.ts'));
    expect(chosen.length).toBeGreaterThan(50);
    for (const file of chosen) {
      const text = readFileSync(file, 'utf8');
      expect(text, path.relative(ROOT, file)).not.toMatch(/chromium|playwright|soffice|libreoffice|\.\.\/shared/i);
    }
  });
});
