import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../fixture-content.ts';

const FILE = 'content/statutory-coverage.json';

describe('the statutory coverage map', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = makeFixture();
  });
  afterEach(() => fixture.remove());

  test('an item with no page is listed by npm run check', () => {
    fixture.editJson(FILE, (d) => (d.items[6].pages = []));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/statutory-coverage\.json: items\[6\]\.pages — no page covers "Travel arrangements/));
  });

  test('a page that does not exist is listed', () => {
    fixture.editJson(FILE, (d) => d.items[0].pages.push('/services/no-such-service/', '/services/category/gardening/', '/no-such-page/'));
    const lines = fixture.check();
    expect(lines).toContainEqual(expect.stringContaining('there is no services entry "no-such-service"'));
    expect(lines).toContainEqual(expect.stringContaining('"gardening" is not a category value'));
    expect(lines).toContainEqual(expect.stringContaining('there is no page /no-such-page/'));
  });

  test('the file must exist', () => {
    fixture.write(FILE, '');
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/statutory-coverage\.json: \(file\) — is not valid JSON/));
  });
});
