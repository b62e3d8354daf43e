import { useTranslation } from 'react-i18next';
import { CASE_SHORTCUTS } from './caseShortcuts';
import { sendChordLabel } from './chordLabel';
import { Dialog } from './Dialog';

/** The `?` overlay: every single-key shortcut of the case view, plus the send chord. */
export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('caseActions.shortcuts.title')} onClose={onClose} testId="shortcut-overlay" className="dialog-narrow">
      <dl className="shortcut-list">
        {CASE_SHORTCUTS.map((s) => (
          <div key={s.key} className="shortcut-row" data-testid="shortcut-row" data-key={s.key}>
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{t(`caseActions.shortcuts.${s.action}`)}</dd>
          </div>
        ))}
        <div className="shortcut-row">
          <dt>
            {sendChordLabel()
              .split('+')
              .map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
          </dt>
          <dd>{t('caseActions.shortcuts.send')}</dd>
        </div>
        <div className="shortcut-row">
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('caseActions.shortcuts.close')}</dd>
        </div>
      </dl>
      <p className="muted small shortcut-hint">{t('caseActions.shortcuts.hint')}</p>
    </Dialog>
  );
}
