/** Live events refresh the SLA pages sooner (debounced in their stores); this is the floor when nothing happens. */
export const SLA_REFRESH_MS = 30_000;
