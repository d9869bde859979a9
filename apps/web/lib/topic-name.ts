import { isValidTopicName } from '@brook/contract/client';

export const TOPIC_NAME_MAX = 249;

export interface TopicNameCheck {
  /** Why the name is refused, or null when Kafka accepts it. */
  error: string | null;
  /** Legal but worth knowing (Kafka's own warning about '.' and '_'). */
  warning: string | null;
}

/**
 * Kafka's rules, explained as the user types. The contract's pattern is the authority;
 * this only finds the words for why a name fails it.
 */
export function checkTopicName(name: string): TopicNameCheck {
  if (name.length === 0) return { error: 'Enter a topic name.', warning: null };
  if (name === '.' || name === '..') return { error: `"${name}" is reserved and cannot be a topic name.`, warning: null };
  if (name.length > TOPIC_NAME_MAX) {
    return { error: `At most ${TOPIC_NAME_MAX} characters (this one has ${name.length}).`, warning: null };
  }
  const bad = [...new Set(name.replace(/[a-zA-Z0-9._-]/g, ''))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).map((c) => (c === ' ' ? 'space' : `"${c}"`)).join(', ');
    return { error: `Only letters, digits, ".", "_" and "-" are allowed, not ${shown}.`, warning: null };
  }
  if (!isValidTopicName(name)) return { error: 'Not a legal Kafka topic name.', warning: null };
  // Kafka maps '.' to '_' in metric names, so names differing only there collide.
  const warning = name.includes('.') && name.includes('_')
    ? 'Mixing "." and "_" can make metric names collide with another topic.'
    : null;
  return { error: null, warning };
}
