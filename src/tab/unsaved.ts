import { useEffect } from 'react';

const dirtyForms = new Set<symbol>();

/** Whether any form on the page holds changes that are not saved. */
export const hasUnsavedChanges = (): boolean => dirtyForms.size > 0;

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab
 * (the browser's own question) and moving within the app (App asks). The
 * text is kept as a draft on the server either way; the question is so no one
 * believes something was saved that was not.
 */
export function useUnsavedChanges(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const id = Symbol('form');
    dirtyForms.add(id);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      dirtyForms.delete(id);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
}
