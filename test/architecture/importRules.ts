import type { ImportEdge } from './importScanner.ts';

/**
 * The layers of `src/`, lowest first (docs/design.md, Layers). A module may load (statically or with
 * `import()`) modules of its own layer and of lower ones only. Type-only imports are erased from the
 * JavaScript and may point anywhere: a lower layer may name the context type of a higher one (a lease store
 * takes the `Runtime`), which couples no code. A folder missing here fails the test until it is placed.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['src/version.ts', 'src/model'],
  ['src/config'],
  ['src/plan'],
  ['src/aws'],
  ['src/leak', 'src/lease', 'src/audit', 'src/report'],
  ['src/engine'],
  ['src/ondemand'],
  ['src/realtime'],
  ['src/failover'],
  ['src/drill'],
  ['src/handlers', 'src/cli', 'src/index.ts'],
];

/** Node built-ins that reach outside the process; `src/model` and `src/plan` must not load them. */
const IO_BUILTINS =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|readline)$/;
const SDK = /^@(aws-sdk|smithy)\//;
const LOCAL_CLOUD = /^@lakemirror\/localcloud(\/|$)|(^|\/)packages\/localcloud\//;
const LOCAL_CLOUD_LOADER = 'src/cli/loadLocalCloud.ts';

/** The layer index of a file under src/, or undefined when no layer holds it. */
export function layerOf(file: string): number | undefined {
  const index = LAYERS.findIndex((layer) => layer.some((p) => file === p || file.startsWith(`${p}/`)));
  return index < 0 ? undefined : index;
}

const inside = (file: string, dir: string) => file.startsWith(`${dir}/`);
const loads = (edge: ImportEdge) => edge.kind !== 'type';

/** Every rule one edge breaks, as a sentence naming the file, line and import. */
export function ruleViolations(edge: ImportEdge): string[] {
  const where = `${edge.from}:${edge.line} imports '${edge.specifier}'`;
  const broken: string[] = [];
  if (loads(edge) && SDK.test(edge.specifier) && !inside(edge.from, 'src/aws')) {
    broken.push(
      `${where}: only src/aws may load the AWS SDK (use \`import type\`, or an adapter in src/aws)`,
    );
  }
  if (['src/model', 'src/plan'].some((d) => inside(edge.from, d))) {
    const io =
      IO_BUILTINS.test(edge.specifier) ||
      (loads(edge) && SDK.test(edge.specifier)) ||
      (edge.target !== undefined && !['src/model', 'src/plan'].some((d) => inside(edge.target ?? '', d)));
    if (io) broken.push(`${where}: src/model and src/plan are pure (no I/O, no SDK, no other layer)`);
  }
  const localCloud =
    LOCAL_CLOUD.test(edge.specifier) || (edge.target?.startsWith('packages/localcloud/') ?? false);
  if (localCloud && loads(edge) && !(edge.kind === 'dynamic' && edge.from === LOCAL_CLOUD_LOADER)) {
    broken.push(
      `${where}: the product loads the local cloud only with the dynamic import in ${LOCAL_CLOUD_LOADER}`,
    );
  }
  if (edge.from.startsWith('src/') && layerOf(edge.from) === undefined) {
    broken.push(`${edge.from}: in no layer; place its folder in LAYERS (test/architecture/importRules.ts)`);
  }
  if (loads(edge) && edge.target?.startsWith('src/')) {
    const [from, to] = [layerOf(edge.from), layerOf(edge.target)];
    if (from !== undefined && to !== undefined && to > from) {
      broken.push(
        `${where}: ${edge.from.split('/').slice(0, 2).join('/')} is below ${edge.target.split('/').slice(0, 2).join('/')}; layers import only downward`,
      );
    }
  }
  return broken;
}
