#!/usr/bin/env node
// The `unmn` command: runs the CLI that `npm run build` (also run by `npm ci`) bundles into build/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../build/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('unmn: the CLI is not built yet; run `npm run build` in the unmn-secretariat folder first.');
  process.exit(2);
}
await import(cli);
