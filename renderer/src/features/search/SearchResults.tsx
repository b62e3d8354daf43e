import { useTranslation } from 'react-i18next';
import { formatVnPhone } from '../../../../common/phone';
import { SegmentBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useSearch } from '../../state/searchStore';

interface Props {
  listId: string;
  /** False while the hits shown answer an older text: they stay visible but are not offered as results. */
  fresh: boolean;
  onChoose: (customerId: string) => void;
}

export function SearchResults({ listId, fresh, onChoose }: Props) {
  const { t } = useTranslation();
  const { status, hits, hint, error, active, setActive, retry } = useSearch();

  let body;
  if (status === 'hint' && hint) {
    body = (
      <div className="search-hint" role="status" data-testid="search-hint">
        {t(hint)}
      </div>
    );
  } else if (status === 'error') {
    body = <ErrorState error={error} onRetry={retry} compact />;
  } else if (status === 'loading' || (status === 'results' && !fresh && hits.length === 0)) {
    body = (
      <div className="search-hint muted" role="status">
        {t('search.searching')}
      </div>
    );
  } else if (hits.length === 0) {
    body = <EmptyState title={t('search.noResults')} hint={t('search.noResultsHint')} compact />;
  } else {
    body = (
      <ul className={`search-list${fresh ? '' : ' stale'}`} role="listbox" id={listId} aria-label={t('search.results')} aria-busy={!fresh}>
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${listId}-${h.id}`}
            role="option"
            aria-selected={fresh && i === active}
            className={`search-hit${fresh && i === active ? ' active' : ''}`}
            data-testid={fresh ? 'search-result' : undefined}
            data-customer-id={h.id}
            onMouseEnter={() => setActive(i)}
            // mousedown, not click: the input's blur must not close the list before the choice lands.
            onMouseDown={(e) => {
              e.preventDefault();
              onChoose(h.id);
            }}
          >
            <div className="hit-main">
              <span className="hit-name">{h.fullName}</span>
              <SegmentBadge segment={h.segment} />
              <span className="hit-id mono">{h.id}</span>
            </div>
            <div className="hit-sub">
              {h.email ? <span>{h.email}</span> : null}
              {h.phone ? <span className="mono">{formatVnPhone(h.phone)}</span> : null}
              <span className="hit-match">{t('search.matched', { field: t(`search.match.${h.matchedOn}`) })}</span>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return <div className="search-pop">{body}</div>;
}
