/** The seed-002 metrics the services record; the api layer backs it with prom-client. */
export interface SupportMetrics {
  ticketCreated(channel: string): void;
  firstResponse(seconds: number): void;
  timelineRefreshError(): void;
}
