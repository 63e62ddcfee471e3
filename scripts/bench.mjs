// `npm run bench`: bundles each tests/bench/*.ts with esbuild and runs them in order, all on the networks
// of tests/bench/support/network.ts. Each prints its own section; the last, 6-results, ends with the one
// table of every command's calls, time and memory at each size, also written to bench/RESULTS.md.
// `npm run bench -- NAME` runs the benches whose file name contains NAME.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// The benches collect the garbage before each measured run (globalThis.gc), so that no run pays for
// the garbage of the runs before it: a collection of a large heap takes as long as a command.
setFlagsFromString('--expose-gc');
globalThis.gc = runInNewContext('gc');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = (await readdir(path.join(root, 'tests', 'bench')))
  .filter((f) => f.endsWith('.ts') && (!only || f.includes(only)))
  .sort();
const outdir = path.join(root, 'build', 'bench');
await build({
  entryPoints: files.map((f) => path.join(root, 'tests', 'bench', f)),
  outdir,
  outExtension: { '.js': '.mjs' },
  ...nodeBundle,
});
for (const f of files) {
  console.log(`\n## ${f.replace(/\.ts$/, '')}`);
  await import(pathToFileURL(path.join(outdir, f.replace(/\.ts$/, '.mjs'))).href);
}
