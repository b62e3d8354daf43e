import { useTranslation } from 'react-i18next';
import { canSeeAudit, canSeeDashboard, landingPage, pageHash } from '../../routing/route';
import { useRoute } from '../../routing/useRoute';
import { useSession } from '../../state/sessionStore';
import { ChartIcon, InboxIcon, LockIcon, SearchIcon } from '../../components/Icons';

/** The pages of the console; the dashboard only for the roles that may read it. */
export function NavLinks() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  const route = useRoute();
  const current = route.name === 'home' ? landingPage(role) : route.name;
  const links = [
    ...(canSeeDashboard(role) ? [{ page: 'dashboard' as const, label: t('nav.dashboard'), Icon: ChartIcon }] : []),
    { page: 'mywork' as const, label: t('nav.myWork'), Icon: InboxIcon },
    { page: 'search' as const, label: t('nav.search'), Icon: SearchIcon },
    ...(canSeeAudit(role) ? [{ page: 'audit' as const, label: t('nav.audit'), Icon: LockIcon }] : []),
  ];
  return (
    <nav className="nav-links" aria-label={t('nav.label')}>
      {links.map(({ page, label, Icon }) => (
        <a key={page} href={pageHash(page)} className={`nav-link${current === page ? ' on' : ''}`} aria-current={current === page ? 'page' : undefined} data-testid={`nav-${page}`}>
          <Icon size={14} />
          <span>{label}</span>
        </a>
      ))}
    </nav>
  );
}
