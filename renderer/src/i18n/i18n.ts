import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'cs360.lang';

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'vi';
  } catch {
    return 'vi';
  }
}

export async function initI18n(): Promise<void> {
  const lng = storedLang();
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
}

export async function setLang(lang: Lang): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a full quota: the choice still holds for this session.
  }
}

export const currentLang = (): Lang => (isLang(i18next.language) ? i18next.language : 'vi');
