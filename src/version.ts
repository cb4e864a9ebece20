import packageJson from '../package.json' with { type: 'json' };

/** lakemirror's version: read from package.json, the one place it is written. */
export const VERSION: string = packageJson.version;

/** How snapshots and reports name the tool that wrote them. */
export const TOOL = `lakemirror/${VERSION}`;
