import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from './json-syntax';

const fault = (text: string) => {
  const f = findJsonSyntaxError(text);
  return f && `${f.line}:${f.column}: ${f.message}`;
};

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong with valid JSON', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, "x\\u00e9\\n", true, false, null, {}]} \n', '0', '"s"'])
      expect(fault(text)).toBeNull();
  });

  it('places a missing comma at the line and column an editor shows', () => {
    const text = '{\n  "format": "tidemark.design",\n  "components": [\n    { "id": "web" "name": "W" }\n  ]\n}\n';
    expect(fault(text)).toBe('4:19: expected "," or "}" after the value of "id", found a string (is a comma missing?)');
  });

  it.each([
    ['{"a":1,}', '1:7: a comma before "}": JSON allows no comma after the last property'],
    ['[1,]', '1:3: a comma before "]": JSON allows no comma after the last element'],
    ['{"a" 1}', '1:6: expected ":" after the property name "a", found a number'],
    ['{"a":1', '1:7: the text ends inside an object: a "}" is missing'],
    ['[1,\n2', '2:2: the text ends inside an array: a "]" is missing'],
    ['', '1:1: the text is empty: there is no JSON in it'],
    ['{"a":tru}', '1:6: unexpected tru: did you mean true?'],
    ['{"a":NaN}', '1:6: NaN is not a JSON value: write a number'],
    ['{"a":undefined}', '1:6: undefined is not a JSON value: leave the field out or write null'],
    ['{a:1}', '1:2: the property name a must be in double quotes'],
    ["{'a':1}", '1:2: property names must be in double quotes ("), not single quotes'],
    [
      '{"a":"x\ny"}',
      '1:8: a line break inside a string: is its closing quote missing? (a break in a string is written \\n)',
    ],
    ['{\n"a": "abc', '2:6: a string that is never closed (it opens at line 2, column 6)'],
    ['{"a":"\\q"}', '1:7: "\\q" is not an escape JSON knows (write a backslash as \\\\)'],
    ['{"a":01}', '1:6: a number must not start with 0 (write 12, not 012)'],
    ['{"a":-}', '1:7: expected a digit after "-", found "}"'],
    ['{"a":1.}', '1:8: expected a digit after the decimal point, found "}"'],
    ['// note\n{}', '1:1: JSON allows no comments'],
    ['{"a":1}}', '1:8: unexpected "}" after the end of the JSON (one } too many?)'],
  ])('%j: %s', (text, expected) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(fault(text)).toBe(expected);
  });

  it('counts lines from 1 and columns from 1', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 7)).toEqual({ line: 3, column: 1 });
  });
});
