const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\u0000': '\uFFFD',
};

/**
 * Escapes text for HTML element content and for quoted attribute values alike. Every user-controlled
 * string (object names, principals, values, check details) goes through here; object names can hold
 * quotes, `<` and any Unicode, which passes through unchanged (the page is UTF-8).
 */
export function escapeHtml(value: unknown): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is deliberately replaced; parsers drop it.
  return String(value).replace(/[&<>"'\u0000]/g, (ch) => ENTITIES[ch]!);
}

/**
 * Tagged template that escapes every interpolated value except those already rendered by `raw`.
 * Arrays of rendered fragments are joined, so `html\`<ul>${items.map(li)}</ul>\`` works.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += toHtml(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** A fragment of markup that is already safe to emit. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks markup built elsewhere (and already escaped) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function toHtml(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(value);
}
