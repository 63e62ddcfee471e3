// `npm run docs`: rewrites docs/rules.md from the rule registry, the clause table and
// scripts/rules-guide.ts.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root, withBundled } from './esbuild-node.mjs';

await withBundled('scripts/rules-doc.ts', async ({ RULES_DOC, rulesMarkdown }) => {
  await writeFile(path.join(root, RULES_DOC), rulesMarkdown());
  console.log(`wrote ${RULES_DOC}`);
});
