const MAX_SHOWN = 80;

/**
 * A user's value as it should appear in an error message: quoted, invisible and control characters escaped
 * (`\u200b`, `\u0000`), and cut after 80 characters so a 20 kB string does not bury the message.
 */
export function showValue(value: unknown, quote: "'" | '"' = "'"): string {
  const text = String(value);
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  const quoted = quote === '"' ? cut.replace(/["\\]/g, (c) => `\\${c}`) : cut;
  const escaped = quoted.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const more = text.length > MAX_SHOWN ? ` (${text.length} characters)` : '';
  return `${quote}${escaped}${quote}${more}`;
}
