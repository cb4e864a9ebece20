import { main } from '../../src/cli/main.ts';

/** Runs the CLI in-process and captures its output. */
export async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'lakemirror', ...args], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
