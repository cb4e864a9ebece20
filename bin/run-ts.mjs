#!/usr/bin/env node
// Runs a TypeScript entry file (benchmarks, scripts) through tsx.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const file = process.argv[2];
if (!file) {
  console.error('usage: run-ts.mjs FILE.ts [args...]');
  process.exit(1);
}
process.argv.splice(1, 1);
await import(pathToFileURL(resolve(file)).href);
