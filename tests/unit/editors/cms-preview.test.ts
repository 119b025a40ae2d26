import { expect, test } from 'vitest';
import { servicePreview } from '../../../src/pages/admin/_preview.ts';

/** The preview's text, made with a createElement that keeps only the text. */
function previewText(data: Record<string, unknown>): string {
  const h = (_type: string, _props: unknown, ...children: unknown[]): string => children.flat().filter((child) => typeof child === 'string').join(' ');
  const Preview = servicePreview(h);
  return Preview({ entry: { get: () => ({ toJS: () => data }) }, widgetFor: () => '', widgetsFor: () => ({ getIn: () => '' }) }) as string;
}

test('the preview says the cost as the service page does', () => {
  // src/pages/services/[id].astro: "Free", "There is a charge", or "not stated" when it is left out.
  expect(previewText({ cost: { free: true } })).toContain('Cost Free');
  expect(previewText({ cost: { free: false, details: '£4 a session' } })).toContain('Cost There is a charge. £4 a session');
  expect(previewText({})).toContain('Cost Cost not stated: ask the service');
});
