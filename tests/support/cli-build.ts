/**
 * `npm test` builds first; a lone run of a test file that runs the built `unmn` builds it when
 * build/cli.mjs is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(__dirname, '..', '..');

/** The newest change under a folder. */
async function newest(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true });
  const times = await Promise.all(
    entries.map(async (e) =>
      e.isDirectory() ? newest(path.join(folder, e.name)) : (await stat(path.join(folder, e.name))).mtimeMs,
    ),
  );
  return Math.max(0, ...times);
}

export async function ensureCliBuilt(): Promise<void> {
  const built = await stat(path.join(ROOT, 'build/cli.mjs')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built < (await newest(path.join(ROOT, 'src'))))
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT });
}

/** The worker that reads sheets beside a command, as the build ships it beside the CLI. */
export async function builtSheetWorker(): Promise<URL> {
  await ensureCliBuilt();
  return pathToFileURL(path.join(ROOT, 'build/sheet-worker.mjs'));
}
