// `npm run make-example`: rewrites examples/uzbekistan.xlsx from examples/uzbekistan.ts. Bundles the
// TypeScript writer with esbuild (the project runs no TypeScript loader) and runs it.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'examples/uzbekistan.xlsx');
// Inside the project, so that the bundle's external packages resolve from node_modules.
const outfile = path.join(root, 'build', `make-example.${process.pid}.mjs`);
await mkdir(path.dirname(outfile), { recursive: true });
try {
  await build({
    entryPoints: [path.join(root, 'scripts/make-example.ts')],
    outfile,
    ...nodeBundle,
  });
  const { writeExample } = await import(pathToFileURL(outfile).href);
  await writeExample(target);
  console.log(`wrote ${path.relative(root, target)}`);
} finally {
  await rm(outfile, { force: true });
}
