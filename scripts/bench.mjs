// `npm run bench`: bundles each bench/*.ts with esbuild and runs them in order. Each prints its own
// section: counts of service calls and ratios, and times where the issue asks for one.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const files = (await readdir(path.join(root, 'bench'))).filter((f) => f.endsWith('.ts') && (!only || f.includes(only))).sort();
const outdir = path.join(root, 'build', 'bench');
await build({
  entryPoints: files.map((f) => path.join(root, 'bench', f)),
  outdir,
  outExtension: { '.js': '.mjs' },
  ...nodeBundle,
});
for (const f of files) {
  console.log(`\n## ${f.replace(/\.ts$/, '')}`);
  await import(pathToFileURL(path.join(outdir, f.replace(/\.ts$/, '.mjs'))).href);
}
