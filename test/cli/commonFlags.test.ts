import { runLocalCloudCommand } from '@lakemirror/localcloud';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMON_FLAGS } from '../../src/cli/commands/common.ts';
import { ALL_COMMANDS, buildProgram } from '../../src/cli/main.ts';
import { cli } from '../support/cli.ts';

/** Every command of the program with its full name (`realtime watch`), depth first. */
function allCommands(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return [{ name, command: sub }, ...allCommands(sub, `${name} `)];
  });
}

const program = await buildProgram({ out() {}, err() {}, setExitCode() {} }, ALL_COMMANDS);
const commands = allCommands(program);
const readsConfig = commands.filter(({ command }) =>
  command.options.some((o) => o.long === '--config' && o.required && o.mandatory),
);

describe('common flags', () => {
  it('every command that reads a config has the whole common set, --config required', () => {
    expect(readsConfig.map((c) => c.name).sort()).toEqual([
      'drill',
      'failback',
      'failover',
      'plan',
      'realtime collect',
      'realtime init',
      'realtime replay',
      'realtime run-once',
      'realtime watch',
      'restore',
      'snapshot',
      'status',
      'sync',
      'unlock',
      'verify',
    ]);
    for (const { name, command } of readsConfig) {
      const longs = command.options.map((o) => o.long);
      expect({ name, flags: COMMON_FLAGS.filter((f) => longs.includes(f)) }).toEqual({
        name,
        flags: [...COMMON_FLAGS],
      });
    }
  });

  it('a usage error exits 1 on every command, the local cloud included', async () => {
    for (const { name, command } of commands) {
      if (name === 'realtime') continue; // a group: it only lists its commands
      const required = command.options.filter((o) => o.mandatory).flatMap((o) => [o.long!, 'x.json']);
      const { code, stderr } = await cli([...name.split(' '), ...required, '--no-such-flag']);
      expect({ name, code }).toEqual({ name, code: 1 });
      expect(stderr).toContain("unknown option '--no-such-flag'");
    }
    expect((await cli(['verify'])).code).toBe(1); // --config missing
    const errors: string[] = [];
    const io = { out: () => {}, err: (line: string) => errors.push(line) };
    expect(await runLocalCloudCommand(['--port', 'x'], io)).toBe(1);
  });
});
