import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ConfigError } from './configError.ts';

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
    const line = jsonErrorLine(text, detail);
    const where = line === undefined ? '' : `:${line}`;
    throw new ConfigError({
      code: 'config.malformed',
      message: `${fileName}${where}: malformed JSON${line === undefined ? '' : ` at line ${line}`}: ${detail}`,
      fix: FIX_SYNTAX,
      cause: error,
    });
  }
}

/** Line of a JSON.parse error: from "(line N column M)" (newer V8) or "position N" (older). */
export function jsonErrorLine(text: string, message: string): number | undefined {
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch) return Number(lineMatch[1]);
  const positionMatch = /position (\d+)/.exec(message);
  const position = positionMatch ? Number(positionMatch[1]) : /end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined) return undefined;
  return text.slice(0, position).split('\n').length;
}

function parseYamlText(text: string, fileName: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
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
