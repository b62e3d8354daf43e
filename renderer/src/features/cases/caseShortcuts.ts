/** Single-key shortcuts of the case view; the `?` overlay lists exactly these. */
export type CaseShortcutAction = 'reply' | 'note' | 'escalate' | 'assign' | 'status' | 'help';

export const CASE_SHORTCUTS: ReadonlyArray<{ key: string; action: CaseShortcutAction }> = [
  { key: 'r', action: 'reply' },
  { key: 'n', action: 'note' },
  { key: 'e', action: 'escalate' },
  { key: 'a', action: 'assign' },
  { key: 's', action: 'status' },
  { key: '?', action: 'help' },
];

/** The parts of a KeyboardEvent the decision needs, so it is testable without a DOM. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  target: unknown;
}

interface ElementLike {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
}

const NOT_TEXT = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** True when keys typed there are text: a shortcut must not steal them. */
export function isTypingTarget(target: unknown): boolean {
  const el = target as ElementLike | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable === true) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NOT_TEXT.has(String(el.type ?? 'text').toLowerCase());
  return false;
}

/** The action a key press asks for, or null: modifiers (other than Shift for `?`), IME composition and typing targets never trigger one. */
export function shortcutAction(e: KeyLike): CaseShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if (isTypingTarget(e.target)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return CASE_SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}

/** Ctrl+Enter (Cmd+Enter on macOS) sends a form from anywhere in it. */
export const isSendChord = (e: Pick<KeyLike, 'key' | 'ctrlKey' | 'metaKey'>): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);
