export const ROLES = ['AGENT', 'SUPERVISOR', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Every request carries one; nothing reaches a service without it. */
export interface Principal {
  id: string;
  name: string;
  role: Role;
}
