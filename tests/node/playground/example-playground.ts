/** The playground over a copy of the example workbook in a temporary folder, as the server tests start it. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runPlayground } from '../../../src/node/playground/cli';
import type { RunningPlayground } from '../../../src/node/playground/server';

export const ROOT = path.resolve(__dirname, '../../..');

export interface ExamplePlayground {
  readonly dir: string;
  /** The working copy the playground serves. */
  readonly file: string;
  readonly playground: RunningPlayground;
  close(): Promise<void>;
}

export async function startExamplePlayground(prefix: string, today: string): Promise<ExamplePlayground> {
  if (!existsSync(path.join(ROOT, 'dist', 'DecisionSidebar.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT });
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'workbook.xlsx');
  await copyFile(path.join(ROOT, 'examples', 'uzbekistan.xlsx'), file);
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
  const started = await runPlayground(
    ['--workbook', file, '--port', '0', '--today', today, '--outbox', path.join(dir, 'outbox')],
    io,
    ROOT,
  );
  if (!started.running) throw new Error(lines.join(' / '));
  const playground = started.running;
  return {
    dir,
    file,
    playground,
    close: async () => {
      await playground.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
