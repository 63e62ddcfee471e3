/** The local playground (`npm start`): the add-on on a laptop, over an .xlsx copy of the workbook. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRoot, runPlayground } from './playground/cli';

const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));
const started = await runPlayground(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
  root,
);

if (started.code !== 0 || !started.running) process.exit(started.code);
else {
  const running = started.running;
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
