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
export const PlusIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M8 3v10M3 8h10" />
  </Svg>
);
export const PaperclipIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M13 7.5 8.2 12.3a3 3 0 0 1-4.3-4.2L9 3a2 2 0 0 1 2.9 2.8L6.9 10.8a1 1 0 0 1-1.4-1.4L10 4.9" />
  </Svg>
);
export const SendIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M14 2 7 9M14 2l-4.5 12-2.5-5-5-2.5z" />
  </Svg>
);
/** A padlock: internal notes, which the customer never sees. */
export const LockIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <rect x="3.5" y="7" width="9" height="6.5" rx="1.2" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Svg>
);
/** A speech bubble: a reply to the customer. */
export const ReplyIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M2.5 3.5h11v7.5H7l-3 2.5V11H2.5z" />
  </Svg>
);
/** An arrow climbing a step: escalation. */
export const EscalateIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M8 13.5V3M4 7l4-4 4 4M3 13.5h10" />
  </Svg>
);
export const UserIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <circle cx="8" cy="5.5" r="2.8" />
    <path d="M2.8 14c.6-2.8 2.7-4.3 5.2-4.3s4.6 1.5 5.2 4.3" />
  </Svg>
);
export const KeyboardIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <rect x="1.5" y="4" width="13" height="8.5" rx="1.3" />
    <path d="M4 6.8h.01M6.7 6.8h.01M9.3 6.8h.01M12 6.8h.01M5 9.8h6" />
  </Svg>
);
export const FileIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M4 1.8h5l3 3v9.4H4zM9 1.8v3h3" />
  </Svg>
);
export const UploadIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M8 11V3M4.5 6.5 8 3l3.5 3.5M2.5 13.5h11" />
  </Svg>
);
export const CheckIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="m3 8.5 3 3 7-7" />
  </Svg>
);
/** Two arrows in a circle: retrying. */
export const RetryIcon = (p: IconProps) => (
  <Svg size={14} grid={16} {...p}>
    <path d="M13 8a5 5 0 0 1-8.6 3.5M3 8a5 5 0 0 1 8.6-3.5M11.8 2v2.6H9.2M4.2 14v-2.6h2.6" />
  </Svg>
);
