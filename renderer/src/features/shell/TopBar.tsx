import { useTranslation } from 'react-i18next';
import { RoleBadge } from '../../components/Badges';
import { goHome } from '../../routing/useRoute';
import { useHealth } from '../../state/healthStore';
import { useLive } from '../../state/liveStore';
import { useSession } from '../../state/sessionStore';
import { InboxButton } from '../notifications/InboxButton';
import { SearchBox } from '../search/SearchBox';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';
import { ThemeSwitch } from './ThemeSwitch';

export function TopBar() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const signOut = useSession((s) => s.signOut);
  const live = useLive((s) => s.status);
  const degraded = useHealth((s) => s.degraded);
  return (
    <header className="topbar">
      <button type="button" className="brand brand-button" onClick={goHome} title={t('app.tagline')}>
        <span className="brand-mark">CS</span>
        <span className="brand-name">{t('app.name')}</span>
      </button>
      <NavLinks />
      <SearchBox />
      <div className="topbar-right">
        {degraded ? (
          <span className="pill tone-warn" title={t('topbar.degraded')}>
            !
          </span>
        ) : null}
        <span className={`live-dot live-${live}`} title={t(`live.${live === 'offline' ? 'disconnected' : live}`)} data-testid="live-status" data-status={live} />
        <InboxButton />
        <LanguageSwitch />
        <ThemeSwitch />
        {user ? (
          <div className="user" data-testid="current-user" data-user-id={user.id}>
            <span className="user-name">{user.name}</span>
            <RoleBadge role={user.role} />
          </div>
        ) : null}
        <button type="button" className="btn btn-ghost" onClick={signOut} data-testid="sign-out">
          {t('topbar.signOut')}
        </button>
      </div>
    </header>
  );
}
