import { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { NotesSync } from '../ports/notesSync';
import type { ObjectStore, PresignedUpload } from '../ports/objectStore';
import { uuidInput } from './inputs';
import { parseBody } from './supportService';

export interface AttachmentLimits {
  maxUploadBytes: number;
  allowedContentTypes: readonly string[];
}

/** Checks that a support case (ticket) exists and that the principal may read it; throws NOT_FOUND otherwise. */
export type CaseLookup = (principal: Principal | null, caseId: string) => Promise<unknown>;

/** What an uploaded object's last key segment looks like: `<uuid>-<sanitised file name>` (S3ObjectStore). */
const OBJECT_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[A-Za-z0-9._-]{1,100}$/;

/**
 * Attachments of a support case through the Objects port (browser-direct presigned POST/GET), and the
 * signed-in agent's notes sync endpoint. Both ports are absent in embedded mode: UNAVAILABLE there.
 * Every object key is built or checked here against `cases/<caseId>/`, so a caller can never
 * presign a key of another case or an arbitrary one.
 */
export class AttachmentService {
  private readonly uploadSchema;

  constructor(
    private readonly objects: ObjectStore | null,
    private readonly notesSync: NotesSync | null,
    private readonly caseLookup: CaseLookup,
    private readonly limits: AttachmentLimits,
  ) {
    const types = new Set(limits.allowedContentTypes);
    this.uploadSchema = z
      .object({
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'must not contain control characters'),
        contentType: z
          .string()
          .trim()
          .toLowerCase()
          .refine((t) => types.has(t), `must be one of ${[...types].join(', ')}`),
        size: z.number().int().min(1).max(limits.maxUploadBytes, `must be at most ${limits.maxUploadBytes} bytes`),
      })
      .strict();
  }

  /** A presigned POST for one file of the case; S3 itself enforces the key, type and size (≤ the declared size). */
  async presignUpload(principal: Principal | null, rawCaseId: unknown, body: unknown): Promise<PresignedUpload> {
    authorize(principal, 'attachments:write');
    const caseId = uuidInput(rawCaseId, 'caseId');
    const input = parseBody(this.uploadSchema, body);
    await this.caseLookup(principal, caseId);
    const objects = this.requireObjects();
    // The signed size range is the declared size, not the global maximum: a client lying about it is refused by S3.
    return this.unavailableOnFailure(() => objects.presignUpload({ caseId, fileName: input.fileName, contentType: input.contentType, maxBytes: input.size }));
  }

  /** A presigned GET for a key of this case only. */
  async presignDownload(principal: Principal | null, rawCaseId: unknown, rawKey: unknown): Promise<{ url: string; expiresAt: number }> {
    authorize(principal, 'attachments:read');
    const caseId = uuidInput(rawCaseId, 'caseId');
    const prefix = `cases/${caseId}/`;
    if (typeof rawKey !== 'string' || !rawKey.startsWith(prefix) || !OBJECT_NAME.test(rawKey.slice(prefix.length)) || rawKey.includes('..')) {
      throw new AppError('INVALID_INPUT', `key must be an attachment key of case ${caseId} (${prefix}…)`, { field: 'key' });
    }
    await this.caseLookup(principal, caseId);
    const objects = this.requireObjects();
    return this.unavailableOnFailure(() => objects.presignDownload(rawKey));
  }

  /** Where the signed-in user's PouchDB replicates their notes (their own database). */
  async notesEndpoint(principal: Principal | null): Promise<{ url: string; database: string; headers: Record<string, string> }> {
    const who = authorize(principal, 'notes:sync');
    const sync = this.notesSync;
    if (!sync) throw new AppError('UNAVAILABLE', 'notes sync needs stack mode (CouchDB)', { reason: 'NOTES_SYNC_NOT_CONFIGURED' });
    return this.unavailableOnFailure(() => sync.endpointFor(who.id), 'The notes sync server did not answer');
  }

  private requireObjects(): ObjectStore {
    if (!this.objects) throw new AppError('UNAVAILABLE', 'attachments need stack mode (S3)', { reason: 'OBJECTS_NOT_CONFIGURED' });
    return this.objects;
  }

  /** An engine failure is UNAVAILABLE for the client (logged with its cause), never a 500 with internals. */
  private async unavailableOnFailure<T>(fn: () => Promise<T>, message = 'The object store did not answer'): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('UNAVAILABLE', message, undefined, err);
    }
  }
}
