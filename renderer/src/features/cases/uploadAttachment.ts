import { gql } from '../../api/client';
import { toApiError } from '../../api/apiError';
import { RequestUploadDocument } from '../../graphql/generated';
import { UploadError, uploadErrorFromGrant, uploadErrorFromResponse } from './uploadErrors';

/** Files without a type the browser knows are sent as bytes; the signed policy decides whether that is allowed. */
export const contentTypeOf = (file: { type: string }): string => file.type || 'application/octet-stream';

/**
 * The browser's direct POST of a presigned form: the policy fields first, the file last (S3 and
 * MinIO ignore fields after the file). XMLHttpRequest rather than fetch for the upload progress.
 */
export function postForm(url: string, fields: Record<string, unknown>, file: Blob, fileName: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, typeof v === 'string' ? v : String(v));
    form.append('file', file, fileName);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else reject(uploadErrorFromResponse(xhr.status, typeof xhr.responseText === 'string' ? xhr.responseText : ''));
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.ontimeout = () => reject(new UploadError('network'));
    xhr.onabort = () => reject(new UploadError('failed', 'aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Asks the API for a presigned upload of this file on this ticket, then sends it; resolves with the object key to name in reply(). */
export async function uploadAttachment(ticketId: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal, now: () => number = Date.now): Promise<{ key: string }> {
  let grant;
  try {
    grant = (await gql(RequestUploadDocument, { ticketId, fileName: file.name, contentType: contentTypeOf(file), size: file.size }, signal)).requestUpload;
  } catch (err) {
    throw uploadErrorFromGrant(toApiError(err));
  }
  if (file.size > grant.maxBytes) throw new UploadError('tooLarge');
  // A grant can expire between the answer and the send (a sleeping laptop): say so rather than send a doomed form.
  if (Date.parse(grant.expiresAt) <= now()) throw new UploadError('expired');
  await postForm(grant.url, grant.fields, file, file.name, onProgress, signal);
  return { key: grant.key };
}
