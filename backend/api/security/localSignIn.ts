import type { AppConfig } from '../../config/schema';

/**
 * The passwordless demo picker exists only in the embedded demo: not in stack mode (a deployment),
 * and not once a real IdP is configured, whatever the mode.
 */
export const localSignInAllowed = (config: Pick<AppConfig, 'mode' | 'auth'>): boolean => config.mode === 'embedded' && !config.auth.oidc.issuer;
