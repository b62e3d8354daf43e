/**
 * The dashboard's chunk (recharts is most of it), loaded once. Sign-in starts it for supervisors
 * and analysts while the session is being created, so it is parsed by the time the shell mounts.
 */
let page: Promise<typeof import('./DashboardPage')> | null = null;
export const loadDashboardPage = (): Promise<typeof import('./DashboardPage')> => (page ??= import('./DashboardPage'));
