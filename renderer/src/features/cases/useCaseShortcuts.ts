import { useEffect } from 'react';
import { useCaseActions } from '../../state/caseActionsStore';
import { shortcutAction } from './caseShortcuts';
import { isDialogOpen } from './Dialog';

/**
 * The case view's single-key shortcuts, on the window while a case with actionable tickets is
 * shown. Keys typed into fields, with modifiers, or while a dialog is open are left alone.
 */
export function useCaseShortcuts(activeTicketId: string | null, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !activeTicketId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isDialogOpen()) return;
      const action = shortcutAction(e);
      if (!action) return;
      e.preventDefault();
      const store = useCaseActions.getState();
      if (action === 'help') store.setHelpOpen(true);
      else store.ask(action, activeTicketId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [activeTicketId, enabled]);
}
