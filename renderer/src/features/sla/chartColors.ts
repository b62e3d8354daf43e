/**
 * Chart colours. recharts writes them into SVG attributes, where CSS variables do not apply,
 * so they are constants chosen to read on light and dark surfaces alike; the state colours
 * match the console's status tones (good, bad, warn).
 */
export const STATE_COLOR = { MET: '#2e9d62', BREACHED: '#d64541', AT_RISK: '#e39b19', PENDING: '#8c99ad' } as const;
export const SERIES = { tickets: '#9db4f0', pctMet: '#2e9d62', median: '#2f5bea', load: '#5b7fe8' } as const;
export const BACKLOG_COLOR = { WAITING_ON_AGENT: '#e0752d', WAITING_ON_CUSTOMER: '#4f8fc9', UNASSIGNED: '#8c99ad', OPEN: '#5b7fe8' } as const;
export const SENTIMENT_COLOR: Record<string, string> = { POSITIVE: '#2e9d62', NEUTRAL: '#5b7fe8', NEGATIVE: '#d64541', MIXED: '#e39b19', UNKNOWN: '#a3adbd' };
/** Priorities read from hot to cold. */
export const PRIORITY_COLOR: Record<string, string> = { URGENT: '#d64541', HIGH: '#e39b19', NORMAL: '#2f5bea', LOW: '#8c99ad' };
export const PRIORITY_ORDER = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];
/** Categorical slices with no meaning of their own (channels, priorities). */
export const PALETTE = ['#2f5bea', '#2e9d62', '#e39b19', '#8e5bd6', '#1f9bb0', '#d64541', '#6b7a90', '#c05f9d'] as const;
export const paletteColor = (i: number): string => PALETTE[i % PALETTE.length] as string;
