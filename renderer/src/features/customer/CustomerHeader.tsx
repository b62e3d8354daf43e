import { useTranslation } from 'react-i18next';
import { formatVnPhone } from '../../../../common/phone';
import { SegmentBadge } from '../../components/Badges';
import { StarIcon } from '../../components/Icons';
import { formatVnd } from '../../format/money';
import type { CustomerView } from '../../state/customerStore';
import { NewCaseButton } from './NewCaseButton';

export function CustomerHeader({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  return (
    <section className="c-header" data-testid="customer-header" data-customer-id={customer.id}>
      <div className="c-title">
        <h1 data-testid="customer-name">{customer.fullName}</h1>
        <span className="mono muted">{customer.id}</span>
        {customer.vip ? (
          <span className="badge badge-vip" data-testid="vip-badge">
            <StarIcon size={12} /> VIP
          </span>
        ) : (
          <SegmentBadge segment={customer.segment} />
        )}
        {customer.vip && customer.segment !== 'VIP' ? <SegmentBadge segment={customer.segment} /> : null}
        <span className="c-title-end">
          <NewCaseButton customer={customer} />
        </span>
      </div>
      <dl className="c-facts">
        <div>
          <dt>{t('customer.emails')}</dt>
          <dd data-testid="customer-emails">
            {customer.emails.length ? customer.emails.map((e) => <span key={e}>{e}</span>) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('customer.phones')}</dt>
          <dd className="mono" data-testid="customer-phones">
            {customer.phones.length ? customer.phones.map((p) => <span key={p}>{formatVnPhone(p)}</span>) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('customer.city')}</dt>
          <dd>{customer.city || '—'}</dd>
        </div>
        <div>
          <dt>{t('customer.lifetimeValue')}</dt>
          <dd className="strong" data-testid="customer-ltv">
            {formatVnd(customer.lifetimeValueVnd)}
          </dd>
        </div>
        <div>
          <dt>&nbsp;</dt>
          <dd className="c-counters">
            <span className={`pill ${customer.openCaseCount > 0 ? 'tone-warn' : 'tone-neutral'}`} data-testid="open-case-count" data-count={customer.openCaseCount}>
              {t('customer.openCases', { count: customer.openCaseCount })}
            </span>
            <span className="pill tone-neutral">{t('customer.orders', { count: customer.orderCount })}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function CustomerHeaderSkeleton() {
  return (
    <section className="c-header" aria-busy="true">
      <div className="skeleton">
        <div className="skeleton-line" style={{ width: '30%', height: 22 }} />
        <div className="skeleton-line" style={{ width: '70%' }} />
      </div>
    </section>
  );
}
