/** Loopback names the backend always answers to, whatever the port. */
const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** The host name of a Host header without its port ("[::1]:4360" → "::1"); null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    if (end === -1) return null;
    const rest = h.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return h.slice(1, end);
  }
  const colon = h.indexOf(':');
  const name = colon === -1 ? h : h.slice(0, colon);
  if (colon !== -1 && !/^\d{1,5}$/.test(h.slice(colon + 1))) return null;
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * DNS rebinding guard: a page on evil.example whose name resolves to 127.0.0.1 reaches the backend
 * with "Host: evil.example", so only loopback names and the configured ones (http.allowedHosts) are
 * answered.
 */
export function hostAllowed(header: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostName(header);
  if (name === null) return false;
  return LOOPBACK.includes(name) || allowedHosts.some((a) => a.toLowerCase() === name);
}
