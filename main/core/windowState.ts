/** Window bounds saved between launches, checked against the screens present now. */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
/** At least this much of the window must be on a screen, or it opens centred on the primary one. */
const MIN_VISIBLE = 120;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/**
 * Parses the saved JSON; garbage, or a window that would sit off every current screen (a monitor
 * was unplugged), gives the default size, centred by Electron.
 */
export function restoreBounds(saved: string | null, workAreas: Area[]): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(saved) as Record<string, unknown>;
  } catch {
    return DEFAULT_BOUNDS;
  }
  if (typeof v !== 'object' || v === null || !isInt(v.width) || !isInt(v.height)) return DEFAULT_BOUNDS;
  const width = Math.max(MIN_SIZE.width, v.width);
  const height = Math.max(MIN_SIZE.height, v.height);
  const maximized = v.maximized === true;
  if (!isInt(v.x) || !isInt(v.y)) return { width, height, maximized };
  const x = v.x;
  const y = v.y;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + height, a.y + a.height) - Math.max(y, a.y);
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
  });
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}

export function serializeBounds(bounds: Area, maximized: boolean): string {
  return JSON.stringify({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized });
}
