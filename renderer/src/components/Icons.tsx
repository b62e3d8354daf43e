/**
 * Line icons as inline SVG (24 grid, currentColor): they render the same everywhere, unlike emoji or
 * symbol glyphs, which show as empty boxes where the system lacks a font that has them (headless
 * Chromium on Linux, minimal desktops).
 */
interface IconProps {
  size?: number;
  className?: string;
}

function Svg({ size = 18, className, children, filled }: IconProps & { children: React.ReactNode; filled?: boolean }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export function BellIcon(props: IconProps) {
  return (
    <Svg {...props}>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" />
    </Svg>
  );
}

export function StarIcon(props: IconProps) {
  return (
    <Svg {...props} filled>
      <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
    </Svg>
  );
}
