import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findDuplicateKeys } from '../../../src/lib/editors/json-duplicate-keys.ts';
import { makeFixture, type Fixture } from '../fixture-content.ts';

describe('findDuplicateKeys', () => {
  test('finds a key written twice in one object, with where it is', () => {
    expect(findDuplicateKeys('{"a": 1, "b": {"c": [1, {"d": 2, "d": 3}]}, "a": "x"}')).toEqual([
      { path: ['b', 'c', 1], key: 'd' },
      { path: [], key: 'a' },
    ]);
  });
  test('is not fooled by keys inside strings, escapes or different objects', () => {
    expect(findDuplicateKeys('{"a": "\\"a\\": 1", "b": [{"a": 1}, {"a": 2}], "c": {"a": true}}')).toEqual([]);
  });
  test('reads keys with escapes as JSON does, and a file saved with a byte-order mark, tabs and Windows line ends', () => {
    expect(findDuplicateKeys('{"caf\\u00e9": 1, "café": 2}')).toEqual([{ path: [], key: 'café' }]);
    expect(findDuplicateKeys('\uFEFF{\r\n\t"list": [true, null, -1.5e3, {"x": 1,\r\n\t"x": 2}],\r\n\t"n": 0\r\n}')).toEqual([{ path: ['list', 3], key: 'x' }]);
  });
});

describe('duplicate ids in content', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = makeFixture();
  });
  afterEach(() => fixture.remove());

  test('two decision-tree nodes with the same id are reported, naming the tree and node', () => {
    const file = 'content/navigator/which-support-applies.json';
    const text = fixture.read(file).replace('"nodes": {', '"nodes": {\n    "age": { "type": "outcome", "title": "Duplicate", "body": "x" },');
    fixture.write(file, text);
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/navigator\/which-support-applies\.json: nodes\.age — "age" appears twice in the same place.* — give each node its own id/));
  });

  test('two files with the same id apart from capital letters are reported', () => {
    fixture.write('content/services/Portage-Home-Visiting.json', fixture.read('content/services/portage-home-visiting.json'));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/services\/portage-home-visiting\.json: \(file name\) — the id "portage-home-visiting" is already used by content\/services\/Portage-Home-Visiting\.json/));
  });
});
