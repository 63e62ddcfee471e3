// `npm run docs`: rewrites docs/rules.md from the rule registry, the clause table and
// scripts/rules-guide.ts. Bundles the TypeScript generator with esbuild (the project runs no
// TypeScript loader) and runs it.
import { build } from 'esbuild';
import { nodeBundle } from './esbuild-node.mjs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the project, so that the bundle's external packages resolve from node_modules.
const outfile = path.join(root, 'build', `docs.${process.pid}.mjs`);
await mkdir(path.dirname(outfile), { recursive: true });
try {
  await build({
    entryPoints: [path.join(root, 'scripts/rules-doc.ts')],
    outfile,
    ...nodeBundle,
  });
  const { RULES_DOC, rulesMarkdown } = await import(pathToFileURL(outfile).href);
  await writeFile(path.join(root, RULES_DOC), rulesMarkdown());
  console.log(`wrote ${RULES_DOC}`);
} finally {
  await rm(outfile, { force: true });
}
