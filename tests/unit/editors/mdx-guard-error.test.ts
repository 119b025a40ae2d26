import { expect, test } from 'vitest';
import { mdxGuardError } from '../../../src/integrations/mdx-guard.ts';

test('a refused body is named with its line and the fix', () => {
  const error = mdxGuardError('# Title\n\n{1 + 1}\n', 'content/pages/sums.mdx');
  expect(error?.name).toBe('ContentError');
  expect(error?.message).toMatch(/content\/pages\/sums\.mdx[\s\S]*line 3/);
});

test("the editor's text quoted in the message cannot become a link in the development server's error overlay", () => {
  // Astro's overlay turns [words](address) into <a href="address">, whatever the address.
  const error = mdxGuardError('# Title\n\n{[Fix](javascript:document.write(origin))}\n', 'content/pages/trap.mdx');
  expect(error?.message).toMatch(/\[Fix\]/);
  expect(error?.message).not.toMatch(/\]\(/);
  expect(error?.stack).not.toMatch(/\]\(/);
});
