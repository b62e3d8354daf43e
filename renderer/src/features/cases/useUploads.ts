import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShownMessage } from './caseOptimistic';
import { contentTypeOf, uploadAttachment } from './uploadAttachment';
import { precheckFile, UploadError } from './uploadErrors';

export interface UploadItem {
  id: number;
  file: File;
  progress: number;
  state: 'uploading' | 'done' | 'error';
  key: string | null;
  error: UploadError | null;
}

let nextId = 0;

/** The files of one draft: each uploads on its own as soon as it is added, with progress and a typed error. */
export function useUploads(ticketId: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<number, AbortController>());

  const update = useCallback((id: number, patch: Partial<UploadItem>) => setItems((xs) => xs.map((x) => (x.id === id ? { ...x, ...patch } : x))), []);

  const start = useCallback(
    (id: number, file: File) => {
      const early = precheckFile(file, null);
      if (early) {
        update(id, { state: 'error', error: early });
        return;
      }
      const ctrl = new AbortController();
      aborts.current.set(id, ctrl);
      uploadAttachment(ticketId, file, (progress) => update(id, { progress }), ctrl.signal).then(
        ({ key }) => update(id, { state: 'done', key, progress: 1 }),
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          update(id, { state: 'error', error: err instanceof UploadError ? err : new UploadError('failed', String(err)) });
        },
      ).finally(() => aborts.current.delete(id));
    },
    [ticketId, update],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const added = [...files].map((file): UploadItem => ({ id: ++nextId, file, progress: 0, state: 'uploading', key: null, error: null }));
      if (added.length === 0) return;
      setItems((xs) => [...xs, ...added]);
      for (const it of added) start(it.id, it.file);
    },
    [start],
  );

  const retry = useCallback(
    (id: number) => {
      const it = items.find((x) => x.id === id);
      if (!it) return;
      update(id, { state: 'uploading', progress: 0, error: null, key: null });
      start(id, it.file);
    },
    [items, start, update],
  );

  const remove = useCallback((id: number) => {
    aborts.current.get(id)?.abort();
    setItems((xs) => xs.filter((x) => x.id !== id));
  }, []);

  const clear = useCallback(() => setItems([]), []);
  const restore = useCallback((xs: UploadItem[]) => setItems(xs), []);

  // A draft left behind (another case opened) stops its uploads.
  useEffect(() => {
    const map = aborts.current;
    return () => {
      for (const c of map.values()) c.abort();
      map.clear();
    };
  }, [ticketId]);

  const busy = items.some((x) => x.state === 'uploading');
  /** The uploaded files as the message will name them. */
  const attachments = (): ShownMessage['attachments'] =>
    items.filter((x) => x.state === 'done' && x.key).map((x) => ({ key: x.key as string, fileName: x.file.name, contentType: contentTypeOf(x.file), size: x.file.size }));

  return { items, add, retry, remove, clear, restore, busy, attachments };
}
