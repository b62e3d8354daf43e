/**
 * Line icons as inline SVG (24 grid, currentColor): they render the same everywhere, unlike emoji or
 * symbol glyphs, which show as empty boxes where the system lacks a font that has them (headless
 * Chromium on Linux, minimal desktops).
 */
interface IconProps {
  size?: number;
  className?: string;
}

/** `grid`: the icon's drawing grid; the small dashboard icons are drawn on 16 for crisp 12-14 px rendering. */
function Svg({ size = 18, className, children, filled, grid = 24 }: IconProps & { children: React.ReactNode; filled?: boolean; grid?: 16 | 24 }) {
  return (
    <svg className={className} viewBox={`0 0 ${grid} ${grid}`} width={size} height={size} aria-hidden="true" focusable="false" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={grid === 16 ? 1.6 : 1.8} strokeLinecap="round" strokeLinejoin="round">
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

export const DownloadIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 13.5h11" />
  </Svg>
);
export const CloseIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </Svg>
);
export const ClockIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Svg>
);
export const ChartIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M2.5 13.5h11M4.5 11V7M8 11V3.5M11.5 11V6" />
  </Svg>
);
export const InboxIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M2.5 9.5 4 3.5h8l1.5 6v3h-11zM2.5 9.5h3l1 1.5h3l1-1.5h3" />
  </Svg>
);
export const SearchIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Svg>
);
export const AlertIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M8 2.5 14 13H2z" />
    <path d="M8 6.5v3M8 11.3v.2" />
  </Svg>
);
export const SortIcon = ({ dir, ...p }: IconProps & { dir: false | 'asc' | 'desc' }) => (
  <Svg size={10} grid={16} {...p}>
    {dir === 'asc' ? <path d="M4 10l4-4 4 4" /> : dir === 'desc' ? <path d="M4 6l4 4 4-4" /> : <path d="M5 6.5 8 3.5l3 3M5 9.5l3 3 3-3" />}
  </Svg>
);
export const MoonIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M13 9.5A5.5 5.5 0 0 1 6.5 3a5.5 5.5 0 1 0 6.5 6.5z" />
  </Svg>
);
export const SunIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1.5v1.5M8 13v1.5M1.5 8H3M13 8h1.5M3.4 3.4l1 1M11.6 11.6l1 1M3.4 12.6l1-1M11.6 4.4l1-1" />
  </Svg>
);
