interface Props {
  lines?: number;
  /** Widths cycle through these, so a block of lines looks like text rather than bars. */
  widths?: readonly string[];
  className?: string;
}

const DEFAULT_WIDTHS = ['92%', '76%', '84%', '60%'];

export function Skeleton({ lines = 3, widths = DEFAULT_WIDTHS, className }: Props) {
  return (
    <div className={`skeleton${className ? ` ${className}` : ''}`} aria-busy="true" aria-live="polite" data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" style={{ width: widths[i % widths.length] }} />
      ))}
    </div>
  );
}
