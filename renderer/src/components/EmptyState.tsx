import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: ReactNode;
  compact?: boolean;
  testId?: string;
}

export function EmptyState({ title, hint, compact, testId = 'empty-state' }: Props) {
  return (
    <div className={`state state-empty${compact ? ' compact' : ''}`} data-testid={testId}>
      <div className="state-icon" aria-hidden="true">
        ∅
      </div>
      <div className="state-title">{title}</div>
      {hint ? <div className="state-hint">{hint}</div> : null}
    </div>
  );
}
