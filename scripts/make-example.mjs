// `npm run make-example`: rewrites examples/uzbekistan.xlsx from examples/uzbekistan.ts, through the
// TypeScript writer of scripts/make-example.ts.
import path from 'node:path';
import { root, withBundled } from './esbuild-node.mjs';

const target = path.join(root, 'examples/uzbekistan.xlsx');
await withBundled('scripts/make-example.ts', async ({ writeExample }) => {
  await writeExample(target);
  console.log(`wrote ${path.relative(root, target)}`);
});
