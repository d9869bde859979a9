import { describe, expect, it } from 'vitest';
import { findJsonProblem } from './json-check.ts';

describe('findJsonProblem', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '0', '-1.5e3', '"a\\u00e9\\n"', 'true', 'null', '{"a":[1,{"b":false}]}', '  [ 1 , 2 ]  ']) {
      expect(findJsonProblem(text), text).toBeNull();
    }
  });

  it('points at the first bad character', () => {
    expect(findJsonProblem('{"a": }')).toEqual({ message: 'Unexpected "}", expected a value', line: 1, column: 7 });
    expect(findJsonProblem('{\n  "a": 1,\n  oops\n}')).toMatchObject({ line: 3, column: 3, message: expect.stringMatching(/property name/) });
    expect(findJsonProblem('[1, 2')).toMatchObject({ message: 'Unexpected end of input, expected "," or "]"', line: 1, column: 6 });
    expect(findJsonProblem("{'a': 1}")).toMatchObject({ column: 2 });
    expect(findJsonProblem('[1] x')).toMatchObject({ message: expect.stringMatching(/end of the input/), column: 5 });
    expect(findJsonProblem('')).toMatchObject({ message: expect.stringMatching(/end of input/) });
    expect(findJsonProblem('[01]')).toMatchObject({ column: 3 });
    expect(findJsonProblem('"bad \\x"')).toMatchObject({ message: expect.stringMatching(/escape/) });
  });
});
