/** An HTML legend: wraps and translates like the rest of the page, unlike an SVG one. */
export function Legend({ items }: { items: { color: string; label: string; kind?: 'bar' | 'line' | 'dash' }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((i) => (
        <li key={i.label}>
          <svg width="14" height="10" aria-hidden="true" focusable="false">
            {i.kind === 'line' || i.kind === 'dash' ? (
              <line x1="0" y1="5" x2="14" y2="5" stroke={i.color} strokeWidth="2" strokeDasharray={i.kind === 'dash' ? '4 3' : undefined} />
            ) : (
              <rect x="2" y="0" width="10" height="10" rx="2" fill={i.color} />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
