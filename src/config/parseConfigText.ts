import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigError } from './configError.ts';
import { jsonErrorOffset } from './jsonErrorOffset.ts';

const FIX_SYNTAX = 'correct the syntax at the line shown and run again';

/**
 * Parses config text as JSON (`.json`) or YAML (`.yaml`, `.yml`) by extension. Syntax errors
 * name the file and line, because "Unexpected token" without a place is useless in a 300-line file.
 */
export function parseConfigText(text: string, fileName: string): unknown {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.json') return parseJson(text, fileName);
  if (extension === '.yaml' || extension === '.yml') return parseYamlText(text, fileName);
  throw new ConfigError({
    code: 'config.invalid',
    message: `${fileName}: unsupported config file extension '${extension || '(none)'}'`,
    fix: 'name the file *.json, *.yaml or *.yml',
  });
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const line = jsonErrorLine(text);
    const where = line === undefined ? '' : `:${line}`;
    throw new ConfigError({
      code: 'config.malformed',
      message: `${fileName}${where}: malformed JSON${line === undefined ? '' : ` at line ${line}`}: ${detail}`,
      fix: FIX_SYNTAX,
      cause: error,
    });
  }
}

/** 1-based line of the first syntax error in `text` (found by scanning, not from V8's message). */
export function jsonErrorLine(text: string): number | undefined {
  const offset = jsonErrorOffset(text);
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

function parseYamlText(text: string, fileName: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    // The yaml package throws a plain ReferenceError for alias bombs ("billion laughs").
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new ConfigError({
        code: 'config.malformed',
        message: `${fileName}: malformed YAML: ${error.message} (too many alias expansions)`,
        fix: 'write the values out instead of expanding anchors (*alias) this many times',
        cause: error,
      });
    }
    if (!(error instanceof YAMLParseError)) throw error;
    const line = error.linePos?.[0]?.line;
    const where = line === undefined ? '' : `:${line}`;
    const firstLine = error.message.split('\n')[0] ?? error.message;
    throw new ConfigError({
      code: 'config.malformed',
      message: `${fileName}${where}: malformed YAML${line === undefined ? '' : ` at line ${line}`}: ${firstLine}`,
      fix: FIX_SYNTAX,
      cause: error,
    });
  }
}
