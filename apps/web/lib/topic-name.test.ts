import { describe, expect, it } from 'vitest';
import { checkTopicName } from './topic-name.ts';

describe('checkTopicName', () => {
  it('accepts names made of Kafka-legal characters', () => {
    for (const name of ['orders', 'orders.v2', 'a_b-c.D9', 'x'.repeat(249)]) {
      expect(checkTopicName(name).error, name).toBeNull();
    }
  });

  it('asks for a name when empty', () => {
    expect(checkTopicName('').error).toBe('Enter a topic name.');
  });

  it('refuses "." and ".."', () => {
    expect(checkTopicName('.').error).toMatch(/reserved/);
    expect(checkTopicName('..').error).toMatch(/reserved/);
    expect(checkTopicName('...').error).toBeNull();
  });

  it('refuses names longer than 249 characters and says how long', () => {
    expect(checkTopicName('x'.repeat(250)).error).toBe('At most 249 characters (this one has 250).');
  });

  it('names the offending characters once each', () => {
    expect(checkTopicName('my topic/one two').error).toBe('Only letters, digits, ".", "_" and "-" are allowed, not space, "/".');
    expect(checkTopicName('café').error).toMatch(/"é"/);
  });

  it('warns, without refusing, when "." and "_" are mixed', () => {
    const check = checkTopicName('a.b_c');
    expect(check.error).toBeNull();
    expect(check.warning).toMatch(/collide/);
    expect(checkTopicName('a.b').warning).toBeNull();
  });
});
