import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openCustomer } from '../../routing/useRoute';
import { useSearch } from '../../state/searchStore';
import { registerSearchInput, shortcutLabel } from './searchShortcut';
import { SearchResults } from './SearchResults';

export function SearchBox() {
  const { t } = useTranslation();
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { text, status, hits, active, open, answeredText, setText, move, setOpen, submit } = useSearch();
  const fresh = answeredText === text.trim();

  useEffect(() => {
    registerSearchInput(inputRef.current);
    return () => registerSearchInput(null);
  }, []);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [setOpen]);

  const choose = (customerId: string) => {
    setOpen(false);
    inputRef.current?.blur();
    openCustomer(customerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        move(-1);
        break;
      case 'Enter':
        e.preventDefault();
        submit(choose);
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
        } else inputRef.current?.blur();
        break;
      default:
    }
  };

  const showList = open && status !== 'idle';
  const activeHit = showList && fresh ? hits[active] : undefined;
  return (
    <div className="search" ref={rootRef}>
      <svg className="search-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="11" cy="11" r="7" />
        <path d="M20 20l-3.5-3.5" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        data-testid="search-input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeHit ? `${listId}-${activeHit.id}` : undefined}
        placeholder={t('topbar.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={(e) => {
          e.target.select();
          if (text.trim()) setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-kbd" aria-hidden="true">
        {shortcutLabel(navigator.platform)}
      </kbd>
      {showList ? <SearchResults listId={listId} fresh={fresh} onChoose={choose} /> : null}
    </div>
  );
}
