/**
 * Where JSON text goes wrong, and what is wrong there, in plain words. `JSON.parse` says neither
 * well: V8 gives a byte offset, or none ("Unexpected end of JSON input"), or quotes the whole text
 * back ("Unexpected token 'N', "{"a":NaN}" is not valid JSON"); Firefox and Safari word it otherwise.
 * This reader runs only after `JSON.parse` has refused the text, finds its first fault and names the
 * line and column an editor shows (1-based; a tab is one column). The text has passed the nesting
 * check (json-depth.ts), so the recursion is shallow.
 */

export interface JsonSyntaxError {
  /** Offset of the fault in the text (UTF-16 code units). */
  offset: number;
  line: number;
  column: number;
  message: string;
}

/** Line and column (both from 1) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first syntax fault of `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Fault(at, message);
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i++;
  };
  const wordAt = (at: number): string | undefined => {
    WORD.lastIndex = at;
    return WORD.exec(text)?.[0];
  };
  /** What stands at `at`, for "found …". */
  const found = (at = i): string => {
    const c = text[at];
    if (c === undefined) return 'the end of the text';
    if (c === '"') return 'a string';
    if (c === '-' || (c >= '0' && c <= '9')) return 'a number';
    const word = wordAt(at);
    return word ? word : JSON.stringify(c);
  };

  const value = (): void => {
    skipWhitespace();
    const c = text[i];
    if (c === undefined) return fail('the text ends where a value should be');
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === "'") return fail('strings must be in double quotes ("), not single quotes');
    if (c === '/') return fail('JSON allows no comments');
    const word = wordAt(i);
    if (word === 'true' || word === 'false' || word === 'null') {
      i += word.length;
      return;
    }
    if (word === 'NaN' || word === 'Infinity') return fail(`${word} is not a JSON value: write a number`);
    if (word === 'undefined') return fail('undefined is not a JSON value: leave the field out or write null');
    const meant = ['true', 'false', 'null'].find((w) => w.startsWith(word ?? '-') || word?.toLowerCase() === w);
    if (meant) return fail(`unexpected ${word}: did you mean ${meant}?`);
    if (word) return fail(`unexpected ${word}: a string must be in double quotes`);
    return fail(`expected a value, found ${found()}`);
  };

  const object = (): void => {
    let comma = i;
    i++;
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipWhitespace();
      const c = text[i];
      if (c === '}') return fail('a comma before "}": JSON allows no comma after the last property', comma);
      if (c === undefined) return fail('the text ends inside an object: a "}" is missing');
      if (c === "'") return fail('property names must be in double quotes ("), not single quotes');
      if (c !== '"') {
        const word = wordAt(i);
        return fail(
          word ? `the property name ${word} must be in double quotes` : `expected a property name, found ${found()}`,
        );
      }
      const nameAt = i;
      string();
      const name = text.slice(nameAt, i);
      skipWhitespace();
      if (text[i] !== ':') return fail(`expected ":" after the property name ${name}, found ${found()}`);
      i++;
      value();
      skipWhitespace();
      const next = text[i];
      if (next === ',') comma = i++;
      else if (next === '}') {
        i++;
        return;
      } else if (next === undefined) return fail('the text ends inside an object: a "}" is missing');
      else {
        const missingComma = next === '"' ? ' (is a comma missing?)' : '';
        return fail(`expected "," or "}" after the value of ${name}, found ${found()}${missingComma}`);
      }
    }
  };

  const array = (): void => {
    let comma = i;
    i++;
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] === ']') return fail('a comma before "]": JSON allows no comma after the last element', comma);
      value();
      skipWhitespace();
      const next = text[i];
      if (next === ',') comma = i++;
      else if (next === ']') {
        i++;
        return;
      } else if (next === undefined) return fail('the text ends inside an array: a "]" is missing');
      else return fail(`expected "," or "]" after an array element, found ${found()}`);
    }
  };

  const string = (): void => {
    const opening = i;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) {
        const at = lineColumn(text, opening);
        return fail(`a string that is never closed (it opens at line ${at.line}, column ${at.column})`, opening);
      }
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail('"\\u" must be followed by four hexadecimal digits');
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return fail(`"\\${e ?? ''}" is not an escape JSON knows (write a backslash as \\\\)`);
        continue;
      }
      if (c === '\n' || c === '\r')
        return fail('a line break inside a string: is its closing quote missing? (a break in a string is written \\n)');
      if (c < ' ') {
        const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        return fail(`a control character (${code}) inside a string: write it escaped${c === '\t' ? ', as \\t' : ''}`);
      }
      i++;
    }
  };

  const digits = (after: string): void => {
    if (!(text[i] !== undefined && text[i]! >= '0' && text[i]! <= '9'))
      return fail(`expected a digit after ${after}, found ${found()}`);
    while (text[i] !== undefined && text[i]! >= '0' && text[i]! <= '9') i++;
  };

  const number = (): void => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (text[i] !== undefined && text[i]! >= '0' && text[i]! <= '9')
        return fail('a number must not start with 0 (write 12, not 012)', start);
    } else digits('"-"');
    if (text[i] === '.') {
      i++;
      digits('the decimal point');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits('the exponent');
    }
  };

  try {
    skipWhitespace();
    if (i === text.length)
      return { offset: 0, line: 1, column: 1, message: 'the text is empty: there is no JSON in it' };
    value();
    skipWhitespace();
    if (i < text.length) {
      const extra = text[i] === '}' || text[i] === ']' ? ` (one ${text[i]} too many?)` : '';
      fail(`unexpected ${found()} after the end of the JSON${extra}`);
    }
    return null;
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    return { offset: e.offset, ...lineColumn(text, e.offset), message: e.message };
  }
}
