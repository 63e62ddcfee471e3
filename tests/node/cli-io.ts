/** A CliIo that keeps what a command wrote, for running commands in-process. */
import type { CliIo } from '../../src/node/terminal';

export interface CapturedIo extends CliIo {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly progressLines: string[];
}

export function captureIo(options: { isTTY?: boolean } = {}): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const progressLines: string[] = [];
  const same = (text: string) => text;
  return {
    stdout,
    stderr,
    progressLines,
    isTTY: options.isTTY ?? false,
    color: { red: same, yellow: same, green: same, bold: same, dim: same },
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    progress: (text) => progressLines.push(text),
  };
}
