import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../../components/Icons';
import { shortcutLabel } from '../search/searchShortcut';

export function Home() {
  const { t } = useTranslation();
  return (
    <div className="home" data-testid="home">
      <div className="home-card">
        <div className="home-icon" aria-hidden="true">
          <SearchIcon size={28} />
        </div>
        <h1>{t('home.title')}</h1>
        <p className="muted">{t('home.hint', { shortcut: shortcutLabel(navigator.platform) })}</p>
      </div>
    </div>
  );
}
