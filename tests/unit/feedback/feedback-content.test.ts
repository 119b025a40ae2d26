import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../fixture-content.ts';

const INDICATOR = 'content/indicators/ehc-plans-within-20-weeks.json';
const FEEDBACK = 'content/feedback/2026-10-ehc-updates.json';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.remove());

describe('editors get a clear message when "how we\'re doing" or "you said, we did" content is wrong', () => {
  test('an indicator gives the same month twice', () => {
    fixture.editJson(INDICATOR, (d) => (d.series[2].period = d.series[1].period));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/ehc-plans-within-20-weeks\.json: series\[2\]\.period — found "2026-04" — give each month once: "2026-04" is already at series\[1\]/));
  });
  test('an indicator month is not written as YYYY-MM', () => {
    fixture.editJson(INDICATOR, (d) => (d.series[0].period = 'Jan 2026'));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/series\[0\]\.period — found "Jan 2026" — use a month written as YYYY-MM/));
  });
  test('a feedback status is not one of done, in progress or planned', () => {
    fixture.editJson(FEEDBACK, (d) => (d.status = 'finished'));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/2026-10-ehc-updates\.json: status — found "finished" — use one of these statuses: done, in-progress, planned/));
  });
});
