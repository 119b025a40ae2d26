import { expect, test } from 'vitest';
import { relatedServices } from '../../src/lib/related-services.ts';
import { parseIds, shareLink, toggleId } from '../../src/lib/shortlist.ts';

const s = (id: string, organisation: string, needs: string[], categories: string[], status = 'active') => ({ id, organisation, needs, categories, status });

test('related services share the most needs, types and organisation, and are open', () => {
  const target = s('ot', 'nhs', ['sensory-and-physical'], ['health']);
  const all = [target, s('physio', 'nhs', ['sensory-and-physical'], ['health']), s('pool', 'school', ['sensory-and-physical'], ['health'], 'temporarily-closed'), s('club', 'charity', [], ['short-breaks-and-activities']), s('slt', 'nhs', ['communication-and-interaction'], ['health'])];
  expect(relatedServices(target, all).map((r) => r.id)).toEqual(['physio', 'slt']);
});

test('shortlist ids are read from storage or a link, keeping only valid ids once each', () => {
  expect(parseIds('["camhs","blue-badge","camhs"]')).toEqual(['camhs', 'blue-badge']);
  expect(parseIds('camhs,<script>,blue-badge')).toEqual(['camhs', 'blue-badge']);
  expect(parseIds('{not json')).toEqual([]);
  expect(parseIds(null)).toEqual([]);
});
test('saving a service twice removes it again', () => {
  expect(toggleId(['a'], 'b')).toEqual(['a', 'b']);
  expect(toggleId(['a', 'b'], 'a')).toEqual(['b']);
});
test('the share link carries the ids in the address', () => {
  expect(shareLink(['camhs', 'blue-badge'], 'https://example.org')).toBe('https://example.org/services/shortlist/?ids=camhs,blue-badge');
  expect(shareLink([], 'https://example.org')).toBe('https://example.org/services/shortlist/');
});
