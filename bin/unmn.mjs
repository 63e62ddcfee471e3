#!/usr/bin/env node
// The `unmn` command: runs the CLI that `npm run build` (also run by `npm ci`) bundles into build/.
// Nothing is imported before it: measured at 119,000 rows, any module work ahead of this import made
// the CLI's XML parsing two to three times slower (13 s against 5 s for `unmn check`).
await import('../build/cli.mjs').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli.mjs')) throw error;
  console.error('unmn: the CLI is not built yet; run `npm run build` in the unmn-secretariat folder first.');
  process.exit(2);
});
