import type { SeedProgress } from '../../../common/live';
import { restJson } from './client';

export interface Health {
  status: 'ok' | 'seeding' | 'degraded';
  seed?: SeedProgress;
}

export const fetchHealth = (signal?: AbortSignal): Promise<Health> => restJson<Health>('/health', signal ? { signal } : {});
