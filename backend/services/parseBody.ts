import type { z } from 'zod';
import { AppError } from '../../common/errors';

/** Parses an untrusted body with a zod schema; the first issue becomes INVALID_INPUT naming its field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new AppError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  return r.data;
}
