import { describe, expect, it } from 'vitest';
import { CASE_SHORTCUTS, isSendChord, isTypingTarget, shortcutAction, type KeyLike } from './caseShortcuts';

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'DIV' }, ...extra });

describe('case view shortcuts', () => {
  it('maps r, n, e, a, s and ? to their actions', () => {
    expect(['r', 'n', 'e', 'a', 's', '?'].map((k) => shortcutAction(key(k)))).toEqual(['reply', 'note', 'escalate', 'assign', 'status', 'help']);
    expect(shortcutAction(key('R'))).toBe('reply');
  });
  it('lists each key once in the overlay map', () => {
    const keys = CASE_SHORTCUTS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('ignores other keys and any chord with Ctrl, Cmd or Alt', () => {
    expect(shortcutAction(key('x'))).toBeNull();
    expect(shortcutAction(key('Enter'))).toBeNull();
    expect(shortcutAction(key('r', { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(key('r', { metaKey: true }))).toBeNull();
    expect(shortcutAction(key('e', { altKey: true }))).toBeNull();
    expect(shortcutAction(key('r', { isComposing: true }))).toBeNull();
  });
  it('stays off while typing in a text field, a textarea, a select or an editable element', () => {
    expect(shortcutAction(key('r', { target: { tagName: 'INPUT', type: 'text' } }))).toBeNull();
    expect(shortcutAction(key('r', { target: { tagName: 'INPUT' } }))).toBeNull();
    expect(shortcutAction(key('r', { target: { tagName: 'TEXTAREA' } }))).toBeNull();
    expect(shortcutAction(key('s', { target: { tagName: 'SELECT' } }))).toBeNull();
    expect(shortcutAction(key('e', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
  });
  it('still works with focus on a button or a checkbox', () => {
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(shortcutAction(key('e', { target: { tagName: 'BUTTON' } }))).toBe('escalate');
    expect(isTypingTarget(null)).toBe(false);
  });
  it('sends with Ctrl+Enter or Cmd+Enter, not Enter alone', () => {
    expect(isSendChord({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendChord({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendChord({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendChord({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });
});
