/**
 * dist/Code.js as Apps Script runs it: one script in a fresh context whose only globals are the
 * services (here the fake's), called by top-level function name.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { GasFake } from '../fakes/gas';

const ROOT = join(__dirname, '..', '..');
const CODE = join(ROOT, 'dist', 'Code.js');

function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((e) =>
      e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
    ),
  );
}

/** `npm test` builds first; a lone run of a test file builds when dist/ is older than the sources. */
export function bundleCode(): string {
  let stale: boolean;
  try {
    stale =
      statSync(CODE).mtimeMs < Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'appsscript.json')).mtimeMs);
  } catch {
    stale = true;
  }
  if (stale)
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  return readFileSync(CODE, 'utf8');
}

export type Script = Record<string, (...args: unknown[]) => unknown>;

/** The script loaded over the fake's services, as one execution sees it. */
export function loadBundle(code: string, fake: GasFake): Script {
  // The fake hands out this realm's Dates; the script must see the same Date to recognise them.
  const context = vm.createContext({ ...fake.globals, Date });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context as Script;
}
