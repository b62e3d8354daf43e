interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+K (Windows, Linux) or Cmd+K (macOS), without other modifiers. */
export const isSearchShortcut = (e: KeyLike): boolean => (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;

export const shortcutLabel = (platform: string): string => (/mac|iphone|ipad/i.test(platform) ? '⌘K' : 'Ctrl+K');

let input: HTMLInputElement | null = null;

export function registerSearchInput(el: HTMLInputElement | null): void {
  input = el;
}

export function focusSearch(): void {
  input?.focus();
  input?.select();
}
