import { useTranslation } from 'react-i18next';
import { humanizeStatus, statusTone } from '../format/statusTone';
import type { Role, Segment } from '../graphql/generated';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <span className={`badge badge-role role-${role.toLowerCase()}`}>{t(`roles.${role}`)}</span>;
}

export function SegmentBadge({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-segment seg-${segment.toLowerCase()}`} data-segment={segment}>
      {t(`segments.${segment}`)}
    </span>
  );
}

/** A status in its colour; known statuses are translated, others shown as they came. */
export function StatusPill({ status, eventType }: { status: string | null | undefined; eventType?: string }) {
  const { t } = useTranslation();
  if (!status) return null;
  const key = status.toLowerCase();
  return (
    <span className={`pill tone-${statusTone(status, eventType)}`} data-status={status}>
      {t(`status.${key}`, { defaultValue: humanizeStatus(status) })}
    </span>
  );
}
