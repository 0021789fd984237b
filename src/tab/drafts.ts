import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from './api-client.js';
import { draftSchema } from '../api/drafts.js';

export interface FoundDraft<T> {
  content: T;
  basedOnVersion: number;
  updatedAt: string;
}

/**
 * Keeps what a person types as a draft on the server: loaded once when the
 * form opens (and handed to `onFound`, so the form can put it back), saved a
 * second after they stop typing while the form has unsaved changes. The
 * server drops the draft when the form is saved.
 */
export function useDraft<T>(options: {
  api: ApiClient;
  conversationId: string;
  kind: 'schoolPart' | 'minutes';
  /** The form's content now, and whether it differs from what is saved. */
  value: T;
  dirty: boolean;
  /** The saved version the form is based on. */
  baseVersion: number;
  enabled: boolean;
  onFound: (draft: FoundDraft<T>) => void;
}): { savedAt: string | null; failed: boolean; loaded: boolean } {
  const { api, conversationId, kind, value, dirty, baseVersion, enabled } = options;
  const [loaded, setLoaded] = useState(!enabled);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const onFound = useRef(options.onFound);
  onFound.current = options.onFound;
  const path = `/conversations/${conversationId}/drafts/${kind}`;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    api
      .get(path, draftSchema)
      .then(({ draft }) => {
        if (live && draft) onFound.current(draft as FoundDraft<T>);
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [api, path, enabled]);

  const serialized = JSON.stringify(value);
  useEffect(() => {
    if (!enabled || !loaded || !dirty) return;
    const timer = setTimeout(() => {
      api
        .send('PUT', path, { content: JSON.parse(serialized), basedOnVersion: baseVersion }, draftSchema)
        .then(({ draft }) => {
          setSavedAt(draft?.updatedAt ?? null);
          setFailed(false);
        })
        .catch(() => setFailed(true));
    }, 1000);
    return () => clearTimeout(timer);
  }, [api, path, serialized, dirty, baseVersion, enabled, loaded]);

  return { savedAt, failed, loaded };
}
