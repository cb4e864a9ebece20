#!/usr/bin/env node
import { resolve } from 'node:path';
// Runs a TypeScript entry file (benchmarks, scripts) through tsx.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.mjs FILE.ts [args...]');
  process.exit(1);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
