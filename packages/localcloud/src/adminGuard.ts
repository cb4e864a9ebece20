import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for the loopback names and addresses (IPv4 127.0.0.0/8, localhost, ::1). */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_HOSTS.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
}

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return '';
  }
}

/**
 * Why an admin request must be refused, or undefined to serve it. The admin API can reset and fault the
 * emulator, so a web page open on the same machine must not reach it: a browser names its page in
 * `Origin` (refused unless that page is itself on a loopback address), and a DNS-rebinding page reaches
 * us under its own `Host` name (refused unless it is a loopback name or the address we were bound to).
 */
export function adminRefusal(req: IncomingMessage, boundHost: string): string | undefined {
  const host = hostnameOf(req.headers.host ?? '');
  if (!isLoopbackHost(host) && host !== boundHost.toLowerCase())
    return `admin requests must be addressed to the local cloud's own address, not ${req.headers.host ?? '(none)'}`;
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackHost(hostnameOf(origin.replace(/^[a-z]+:\/\//i, ''))))
    return `admin requests from a web page (${origin}) are refused`;
  return undefined;
}
