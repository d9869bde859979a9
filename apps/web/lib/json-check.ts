/**
 * Where a JSON text is broken, as line and column. JSON.parse decides validity; its messages
 * differ between engines and often omit the position, so on failure a small scanner walks
 * the text to the first character that cannot continue it.
 */
export interface JsonProblem {
  message: string;
  line: number;
  column: number;
}

class Stop extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

function scan(text: string): void {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (what: string): never => {
    throw new Stop(i, i >= text.length ? `Unexpected end of input, expected ${what}` : `Unexpected ${JSON.stringify(text[i])}, expected ${what}`);
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail('a hex digit');
            }
          }
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail('an escape character');
      } else if (c < ' ') fail('a closing quote');
      else i++;
    }
    fail('a closing quote');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail('a number');
    else i += m[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('"," or "]"');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  value();
  ws();
  if (i < text.length) fail('the end of the input');
}

export function findJsonProblem(text: string): JsonProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    try {
      scan(text);
    } catch (stop) {
      if (stop instanceof Stop) {
        const before = text.slice(0, stop.at);
        return { message: stop.message, line: before.split('\n').length, column: stop.at - before.lastIndexOf('\n') };
      }
    }
    return { message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
  }
}

export function describeJsonProblem(problem: JsonProblem): string {
  return `${problem.message} (line ${problem.line}, column ${problem.column})`;
}
