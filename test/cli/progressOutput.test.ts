import { PassThrough } from 'node:stream';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { progressOutput } from '../../src/cli/render/progress.ts';

/** A terminal of `columns` columns that records what is written to it. */
function fakeTerminal(columns: number) {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns, rows: 20 });
  let written = '';
  stream.on('data', (chunk) => (written += chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

function recorder() {
  const lines: string[] = [];
  return { lines, ctx: { out() {}, err: (line: string) => lines.push(line), setExitCode() {} } };
}

describe('progressOutput', () => {
  it('--quiet: warnings only, no phases, no counts', () => {
    const { lines, ctx } = recorder();
    const output = progressOutput(ctx, { quiet: true, isTty: false });
    output.phase('snapshot us-east-1', 'reading');
    output.info('snapshot.written', 'snapshot written');
    output.track?.('snapshot us-east-1', () => ({ tables: { done: 1, total: 2 } }))();
    output.warn('config.filterMatchesNothing', 'a filter matches nothing');
    output.close();
    expect(lines).toEqual(['warning: a filter matches nothing']);
  });

  it('without a terminal: a timestamped line per phase and one with the counts when the phase ends', () => {
    const { lines, ctx } = recorder();
    const output = progressOutput(ctx, { isTty: false });
    let done = 0;
    output.phase('collect us-east-1', 'paging CloudTrail');
    const stop = output.track!('collect us-east-1', () => ({ pages: { done }, events: { done: done * 50 } }));
    done = 3;
    stop();
    output.close();
    expect(lines).toEqual([
      expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z collect us-east-1: paging CloudTrail$/),
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT[\d:.]+Z collect us-east-1 · pages 3 · events 150 · [\d.]+s · paging CloudTrail$/,
      ),
    ]);
  });

  it('on a terminal: lines cut to the width, colour unless NO_COLOR', () => {
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const terminal = fakeTerminal(50);
      const { lines, ctx } = recorder();
      const output = progressOutput(ctx, { stream: terminal.stream, env });
      output.phase('apply us-west-2', 'partitions, and Lake Formation beside them, a long detail');
      const stop = output.track!('apply us-west-2', () => ({
        partitions: { done: 123_456, total: 200_000 },
      }));
      stop();
      output.close();
      const all = [...stripAnsi(terminal.written()).split(/\r?\n/), ...lines.map(stripAnsi)];
      for (const line of all) expect(line.length).toBeLessThanOrEqual(50);
      expect(lines.map(stripAnsi)).toContainEqual(
        expect.stringMatching(/^✓ apply us-west-2 · partitions 123,456\/200,000/),
      );
      expect(lines.join('').includes('\x1b[36m')).toBe(!('NO_COLOR' in env));
    }
  });
});
