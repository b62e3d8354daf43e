import { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { NotesSync } from '../ports/notesSync';
import type { ObjectEndpoint, ObjectStore, PresignedUpload } from '../ports/objectStore';
import type { AttachmentMeta } from './caseActions/reply';
import { uuidInput } from './inputs';
import { parseBody } from './parseBody';

export interface AttachmentLimits {
  maxUploadBytes: number;
  allowedContentTypes: readonly string[];
}

/** Checks that a support case (ticket) exists and that the principal may read it; throws NOT_FOUND otherwise. */
export type CaseLookup = (principal: Principal | null, caseId: string) => Promise<{ assigned_agent_id: string | null }>;

const HEX = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
const NAME_CHAR = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e || c === 0x5f || c === 0x2d;

/** What an uploaded object's last key segment looks like: `<uuid>-<sanitised file name>` (1..100 characters). */
function isObjectName(s: string): boolean {
  if (s.length < 38 || s.length > 137 || s[36] !== '-') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = i < 36 ? (i === 8 || i === 13 || i === 18 || i === 23 ? c === 0x2d : HEX(c)) : i === 36 || NAME_CHAR(c);
    if (!ok) return false;
  }
  return true;
}

/**
 * Attachments of a support case through the Objects port (browser-direct presigned POST/GET), and the
 * signed-in agent's notes sync endpoint. Embedded mode stores objects under the data dir
 * (adapters/local/localObjectStore.ts); a port left unconfigured answers UNAVAILABLE.
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
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const caseId = uuidInput(rawCaseId, 'caseId');
    const input = parseBody(this.uploadSchema, body);
    // Uploading is part of replying: an AGENT only on tickets assigned to them.
    const ticket = await this.caseLookup(principal, caseId);
    authorize(principal, 'attachments:write', { ticketAssignee: ticket.assigned_agent_id });
    const objects = this.requireObjects();
    // The signed size range is the declared size, not the global maximum: a client lying about it is refused by S3.
    return this.unavailableOnFailure(() => objects.presignUpload({ caseId, fileName: input.fileName, contentType: input.contentType, maxBytes: input.size }));
  }

  /** A presigned GET for a key of this case only. */
  async presignDownload(principal: Principal | null, rawCaseId: unknown, rawKey: unknown): Promise<{ url: string; expiresAt: number }> {
    authorize(principal, 'attachments:read');
    const caseId = uuidInput(rawCaseId, 'caseId');
    const prefix = `cases/${caseId}/`;
    if (typeof rawKey !== 'string' || !rawKey.startsWith(prefix) || !isObjectName(rawKey.slice(prefix.length))) {
      throw new AppError('INVALID_INPUT', `key must be an attachment key of case ${caseId} (${prefix}…)`, { field: 'key' });
    }
    await this.caseLookup(principal, caseId);
    const objects = this.requireObjects();
    return this.unavailableOnFailure(() => objects.presignDownload(rawKey));
  }

  /**
   * The files of a reply: every key must be an uploaded object of this ticket (its prefix, and
   * present in the store), described for the message. INVALID_INPUT otherwise.
   */
  async describeKeys(ticketId: string, keys: string[]): Promise<AttachmentMeta[]> {
    const objects = this.requireObjects();
    const prefix = `cases/${ticketId}/`;
    const out: AttachmentMeta[] = [];
    for (const key of keys) {
      if (!key.startsWith(prefix) || !isObjectName(key.slice(prefix.length))) throw new AppError('INVALID_INPUT', `attachmentKeys: ${key.slice(0, 120)} is not an attachment of ticket ${ticketId}`, { field: 'attachmentKeys' });
      const found = await this.unavailableOnFailure(() => objects.stat(key));
      if (!found) throw new AppError('INVALID_INPUT', `attachmentKeys: nothing was uploaded under ${key.slice(0, 120)}`, { field: 'attachmentKeys' });
      out.push({ key, fileName: key.slice(prefix.length + 37), contentType: found.contentType, size: found.size });
    }
    return out;
  }

  /** The upload/download endpoint the backend serves itself (embedded object store); null with S3. */
  objectEndpoint(): ObjectEndpoint | null {
    return this.objects?.endpoint ?? null;
  }

  /** Where the signed-in user's PouchDB replicates their notes (their own database). */
  async notesEndpoint(principal: Principal | null): Promise<{ url: string; database: string; headers: Record<string, string> }> {
    const who = authorize(principal, 'notes:sync');
    const sync = this.notesSync;
    if (!sync) throw new AppError('UNAVAILABLE', 'notes sync needs stack mode (CouchDB)', { reason: 'NOTES_SYNC_NOT_CONFIGURED' });
    return this.unavailableOnFailure(() => sync.endpointFor(who.id), 'The notes sync server did not answer');
  }

  private requireObjects(): ObjectStore {
    if (!this.objects) throw new AppError('UNAVAILABLE', 'no object store is configured', { reason: 'OBJECTS_NOT_CONFIGURED' });
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
