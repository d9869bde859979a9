/** Kafka's legal topic names: 1–249 of [a-zA-Z0-9._-], and neither "." nor "..". */
export const TOPIC_NAME_PATTERN = '^(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,249}$';

const topicNameRule = new RegExp(TOPIC_NAME_PATTERN);

/** Same rule as the TopicName schema, for forms that validate as the user types. */
export function isValidTopicName(name: string): boolean {
  return topicNameRule.test(name);
}
