import { expect, test } from 'vitest';
import { overdueWarning } from '../../../src/lib/site/ui.ts';

test('a service overdue for review sends the reader to the service', () => {
  expect(overdueWarning('service')).toMatch(/Check with the service before you rely on it/);
});

test('any other page overdue for review has no service to ask, so it sends the reader to the council', () => {
  const warning = overdueWarning('page');
  expect(warning).not.toMatch(/service before/);
  expect(warning).toMatch(/This page is due for review[\s\S]*SEND information team/);
});
