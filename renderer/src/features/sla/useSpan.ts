import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSpan } from './countdown';

/** formatSpan with the unit words of the current language. */
export function useSpan(): (seconds: number) => string {
  const { t, i18n } = useTranslation();
  return useCallback((seconds: number) => formatSpan(seconds, { d: t('sla.unit.d'), h: t('sla.unit.h'), m: t('sla.unit.m'), s: t('sla.unit.s') }), [t, i18n.language]);
}
