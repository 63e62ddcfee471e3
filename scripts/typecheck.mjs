// `npm run typecheck`: the root tsconfig (tests, scripts, benches) and one per layer, each with its
// runtime's types alone (docs/architecture.md), run side by side on the machine's cores.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECTS = ['.', 'src/domain', 'src/app', 'src/gas', 'src/node', 'src/node/playground/browser', 'sidebar'];
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', project], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ project, code, output }));
  });
}

const queue = [...PROJECTS];
const results = [];
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), PROJECTS.length) }, async () => {
    for (let project = queue.shift(); project !== undefined; project = queue.shift())
      results.push(await check(project));
  }),
);
const failed = results.filter((r) => r.code !== 0);
for (const r of failed) process.stderr.write(`tsc -p ${r.project}:\n${r.output}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
