import cliTruncate from 'cli-truncate';
import { createLogUpdate } from 'log-update';
import type { Gauge, Output } from '../../engine/output.ts';
import type { CommandContext } from '../context.ts';
import { type PhaseLine, phaseText } from './progressLine.ts';

export interface ProgressOptions {
  /** Warnings only. */
  quiet?: boolean;
  /** Whether stderr is a terminal (live lines) or a log (timestamped lines). */
  isTty?: boolean;
  /** The terminal (for the live lines); default process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Without a terminal, at most one line per phase this often (ms). */
  logEveryMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** The CLI's output: progress on stderr, stdout stays clean for `--json`. */
export type ProgressOutput = Output & { close(): void };

/**
 * Progress as people expect from a long-running data tool. On a terminal: one live line per phase (and
 * target) with its counts, rate and elapsed time, redrawn in place by log-update and cut to the terminal's
 * width. Without one (CI, pipes): timestamped lines, a phase's counts at most every `logEveryMs`.
 * `--quiet` keeps warnings only; NO_COLOR (or no terminal) leaves colour out.
 */
export function progressOutput(ctx: CommandContext, options: ProgressOptions = {}): ProgressOutput {
  const stream = options.stream ?? process.stderr;
  const isTty = options.isTty ?? stream.isTTY === true;
  const env = options.env ?? process.env;
  if (options.quiet)
    return { phase() {}, info() {}, warn: (_code, m) => ctx.err(`warning: ${m}`), close() {} };
  return isTty ? terminalOutput(ctx, stream, colorsFor(env)) : logOutput(ctx, options.logEveryMs ?? 3000);
}

interface Colors {
  accent(text: string): string;
  warn(text: string): string;
}

function colorsFor(env: NodeJS.ProcessEnv): Colors {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return { accent: (t) => t, warn: (t) => t };
  return { accent: (t) => `\x1b[36m${t}\x1b[39m`, warn: (t) => `\x1b[33m${t}\x1b[39m` };
}

/** Phases by name with their gauges; a phase ends when another starts for the same subject, or at close. */
class Phases {
  readonly lines = new Map<string, PhaseLine & { gauge?: Gauge }>();

  /** Starts `name` and answers the phases it ends (same subject: `apply us-west-2` ends `plan us-west-2`). */
  start(name: string, detail: string | undefined): Array<PhaseLine> {
    const existing = this.lines.get(name);
    if (existing) {
      if (detail !== undefined) existing.detail = detail;
      return [];
    }
    const subject = subjectOf(name);
    const ended = [...this.lines.values()].filter((l) => subjectOf(l.name) === subject);
    for (const line of ended) this.lines.delete(line.name);
    this.lines.set(name, { name, ...(detail ? { detail } : {}), startedAt: Date.now(), counts: {} });
    return ended;
  }

  attach(name: string, gauge: Gauge): void {
    if (!this.lines.has(name)) this.start(name, undefined);
    this.lines.get(name)!.gauge = gauge;
  }

  /** A tracked phase ends when its tracking stops: answers it with its last counts. */
  detach(name: string): PhaseLine[] {
    const line = this.lines.get(name);
    if (!line) return [];
    if (line.gauge) line.counts = line.gauge();
    this.lines.delete(name);
    return [line];
  }

  sample(): void {
    for (const line of this.lines.values()) if (line.gauge) line.counts = line.gauge();
  }
}

/** `plan us-west-2` → `us-west-2`; `snapshot` → `snapshot`. */
function subjectOf(name: string): string {
  const space = name.indexOf(' ');
  return space < 0 ? name : name.slice(space + 1);
}

function terminalOutput(ctx: CommandContext, stream: NodeJS.WriteStream, colors: Colors): ProgressOutput {
  const live = createLogUpdate(stream);
  const phases = new Phases();
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  const toWidth = (text: string) => cliTruncate(text, width());
  const render = (line: PhaseLine, mark: string) =>
    toWidth(`${colors.accent(mark)} ${phaseText(line, Date.now())}`);
  const redraw = () => {
    phases.sample();
    live([...phases.lines.values()].map((l) => render(l, '▸')).join('\n'));
  };
  const persist = (text: string) => {
    live.clear();
    ctx.err(text);
    redraw();
  };
  const finish = (ended: PhaseLine[]) => {
    for (const line of ended) persist(render(line, '✓'));
  };
  const timer = setInterval(redraw, 100);
  timer.unref();
  return {
    phase: (name, detail) => {
      phases.sample();
      finish(phases.start(name, detail));
      redraw();
    },
    info: (_code, message) => persist(toWidth(message)),
    warn: (_code, message) => persist(`${colors.warn('warning:')} ${message}`),
    track: (name, gauge) => {
      phases.attach(name, gauge);
      return () => finish(phases.detach(name));
    },
    close: () => {
      clearInterval(timer);
      phases.sample();
      live.clear();
      for (const line of phases.lines.values()) ctx.err(render(line, '✓'));
      phases.lines.clear();
      live.done();
    },
  };
}

function logOutput(ctx: CommandContext, everyMs: number): ProgressOutput {
  const phases = new Phases();
  const printed = new Map<string, { at: number; text: string }>();
  const log = (line: PhaseLine, force: boolean) => {
    const text = phaseText(line, Date.now()).replace(/ · [\d.]+s( · |$)/, '$1');
    const last = printed.get(line.name);
    if (!force && (last?.text === text || (last && Date.now() - last.at < everyMs))) return;
    printed.set(line.name, { at: Date.now(), text });
    ctx.err(`${new Date().toISOString()} ${phaseText(line, Date.now())}`);
  };
  const tick = () => {
    phases.sample();
    for (const line of phases.lines.values()) if (Object.keys(line.counts).length > 0) log(line, false);
  };
  const finish = (ended: PhaseLine[]) => {
    for (const line of ended) if (Object.keys(line.counts).length > 0) log(line, true);
  };
  const timer = setInterval(tick, Math.min(1000, everyMs));
  timer.unref();
  return {
    phase: (name, detail) => {
      phases.sample();
      finish(phases.start(name, detail));
      ctx.err(`${new Date().toISOString()} ${name}${detail ? `: ${detail}` : ''}`);
    },
    info: (_code, message) => ctx.err(`${new Date().toISOString()} ${message}`),
    warn: (_code, message) => ctx.err(`${new Date().toISOString()} warning: ${message}`),
    track: (name, gauge) => {
      phases.attach(name, gauge);
      return () => finish(phases.detach(name));
    },
    close: () => {
      clearInterval(timer);
      phases.sample();
      finish([...phases.lines.values()]);
      phases.lines.clear();
    },
  };
}

/** The older name of the non-quiet output, for callers outside the CLI's runCommand. */
export function stderrOutput(ctx: CommandContext, isTty: boolean = process.stderr.isTTY === true): Output {
  return progressOutput(ctx, { isTty });
}
