/** Keyboard shortcuts: the table and a small two-key sequence matcher (pure, DOM-free). */

export const SHORTCUTS = [
  { keys: ['/'], action: 'search', label: 'Search' },
  { keys: ['g', 'o'], action: 'go:/', label: 'Go to Overview' },
  { keys: ['g', 't'], action: 'go:/topics', label: 'Go to Topics' },
  { keys: ['g', 'c'], action: 'go:/groups', label: 'Go to Consumer groups' },
  { keys: ['g', 'b'], action: 'go:/brokers', label: 'Go to Brokers' },
  { keys: ['?'], action: 'help', label: 'Show keyboard shortcuts' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** How long the second key of a sequence may wait for the first. */
export const SEQUENCE_TIMEOUT_MS = 1200;

export interface SequenceState {
  pending: string | null;
  at: number;
}

export function initialSequence(): SequenceState {
  return { pending: null, at: 0 };
}

/** Feed one key press; returns the action it completes (if any) and the next state. */
export function feedKey(state: SequenceState, key: string, now: number): { action: ShortcutAction | null; state: SequenceState } {
  const pending = state.pending !== null && now - state.at <= SEQUENCE_TIMEOUT_MS ? state.pending : null;
  if (pending !== null) {
    const match = SHORTCUTS.find((s) => s.keys.length === 2 && s.keys[0] === pending && s.keys[1] === key);
    if (match) return { action: match.action, state: initialSequence() };
  }
  const single = SHORTCUTS.find((s) => s.keys.length === 1 && s.keys[0] === key);
  if (single) return { action: single.action, state: initialSequence() };
  const starts = SHORTCUTS.some((s) => s.keys.length === 2 && s.keys[0] === key);
  return { action: null, state: starts ? { pending: key, at: now } : initialSequence() };
}

/** Typing into a field must never trigger navigation. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}
