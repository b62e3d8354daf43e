/**
 * The console's Content-Security-Policy, defined once for the desktop app (`self` = app://cs360,
 * main/core/appProtocol.ts) and the web console (`self` = 'self', backend/api/security/headers.ts):
 * scripts, styles and fonts only from the console itself, network and images only to the listed
 * origins, no frames, objects, workers, forms or base-URI tricks.
 */
export function consoleCsp(p: { self: string; connect: readonly string[]; images: readonly string[] }): string {
  return [
    "default-src 'none'",
    `script-src ${p.self}`,
    // React sets style attributes (virtualised rows): 'unsafe-inline' for styles only.
    `style-src ${p.self} 'unsafe-inline'`,
    ['img-src', p.self, 'data:', ...p.images].join(' '),
    `font-src ${p.self}`,
    ['connect-src', ...p.connect].join(' '),
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
