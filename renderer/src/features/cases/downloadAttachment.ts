import { gql } from '../../api/client';
import { AttachmentUrlDocument } from '../../graphql/generated';
import { platform } from '../../platform';

/**
 * Downloads one attachment through a fresh presigned GET: fetched as bytes and saved under its own
 * name (a cross-origin link's `download` attribute is ignored, and navigating would leave the
 * console). When the object store does not allow the fetch, the URL goes to the platform's download
 * opener (a new tab, or the desktop's allow-listed external opener).
 */
export async function downloadAttachment(ticketId: string, key: string, fileName: string): Promise<void> {
  const link = (await gql(AttachmentUrlDocument, { ticketId, key })).attachmentUrl;
  let blob: Blob;
  try {
    const res = await fetch(link.url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    blob = await res.blob();
  } catch (err) {
    if (await platform().openDownload(link.url)) return;
    throw err;
  }
  const href = URL.createObjectURL(blob);
  try {
    const a = document.createElement('a');
    a.href = href;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // After the click has handed the blob to the download manager.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}
