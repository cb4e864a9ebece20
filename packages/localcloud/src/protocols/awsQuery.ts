import type { ServiceError } from '../service.ts';
import type { WireResponse } from './awsJson.ts';

/** awsQuery (STS, IAM): a form-encoded body with `Action=…`, answered with XML. */
export function parseQueryBody(body: string): { action: string | undefined; params: Record<string, string> } {
  const form = new URLSearchParams(body);
  const params: Record<string, string> = {};
  for (const [key, value] of form) params[key] = value;
  return { action: params.Action, params };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Serializes a handler's output: objects become elements, arrays become `<member>` lists. Timestamps are
 * ISO 8601 in awsQuery: a `Date` is written as such (a handler may also return the ISO string itself).
 */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function awsQuerySuccess(
  action: string,
  namespace: string,
  output: unknown,
  requestId: string,
): WireResponse {
  const body =
    `<${action}Response xmlns="${namespace}"><${action}Result>${toXml(output)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml' }, body };
}

export function awsQueryError(error: ServiceError, requestId: string): WireResponse {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status: error.status, headers: { 'content-type': 'text/xml' }, body };
}
