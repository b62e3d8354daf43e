import { useTranslation } from 'react-i18next';
import { currentLang, setLang } from '../../i18n/i18n';

/** One button that flips between Vietnamese and English; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  return (
    <button
      type="button"
      className="btn btn-ghost lang-switch"
      data-testid="lang-switch"
      data-lang={i18n.language}
      title={t('lang.switchLabel')}
      aria-label={t('lang.switchLabel')}
      onClick={() => void setLang(lang === 'vi' ? 'en' : 'vi')}
    >
      {t('lang.switchTo')}
    </button>
  );
}
