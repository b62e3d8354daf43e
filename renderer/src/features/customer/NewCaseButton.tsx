import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon } from '../../components/Icons';
import type { CustomerView } from '../../state/customerStore';
import { useSession } from '../../state/sessionStore';
import { NewCaseDialog } from './NewCaseDialog';

/** "New case" on the 360 page, for agents and supervisors (an analyst reads only). */
export function NewCaseButton({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  const [open, setOpen] = useState(false);
  if (role !== 'AGENT' && role !== 'SUPERVISOR') return null;
  return (
    <>
      <button type="button" className="btn btn-primary btn-sm new-case-btn" data-testid="new-case" onClick={() => setOpen(true)}>
        <PlusIcon size={13} />
        {t('newCase.button')}
      </button>
      {open ? <NewCaseDialog customer={customer} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
