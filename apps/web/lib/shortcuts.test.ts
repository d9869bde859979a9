import { describe, expect, it } from 'vitest';
import { feedKey, initialSequence, isTypingTarget, SEQUENCE_TIMEOUT_MS } from './shortcuts.ts';

function press(keys: string[], gapMs = 100) {
  let state = initialSequence();
  const actions: (string | null)[] = [];
  keys.forEach((key, i) => {
    const result = feedKey(state, key, i * gapMs);
    state = result.state;
    actions.push(result.action);
  });
  return actions;
}

describe('keyboard shortcuts', () => {
  it('completes two-key sequences', () => {
    expect(press(['g', 't'])).toEqual([null, 'go:/topics']);
    expect(press(['g', 'c'])).toEqual([null, 'go:/groups']);
  });

  it('fires single keys at once', () => {
    expect(press(['/'])).toEqual(['search']);
    expect(press(['?'])).toEqual(['help']);
  });

  it('forgets a first key after the timeout', () => {
    expect(press(['g', 't'], SEQUENCE_TIMEOUT_MS + 1)).toEqual([null, null]);
  });

  it('does not fire on a second key that completes nothing', () => {
    expect(press(['g', 'x', 't'])).toEqual([null, null, null]);
    expect(press(['g', 'g', 't'])).toEqual([null, null, 'go:/topics']);
  });

  it('recognises fields where the user is typing', () => {
    expect(isTypingTarget({ tagName: 'input' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
