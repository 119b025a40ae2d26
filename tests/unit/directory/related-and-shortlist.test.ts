import { expect, test } from 'vitest';
import { relatedServices, relatedServicesIndex, type RelatableService } from '../../../src/lib/directory/related-services.ts';
import { parseIds, shareLink, shortlistCard, toggleId } from '../../../src/lib/directory/shortlist.ts';
import { ageRangeLabel } from '../../../src/lib/directory/ages.ts';

const s = (id: string, organisation: string, needs: string[], categories: string[], status = 'active') => ({ id, organisation, needs, categories, status });

test('related services share the most needs, types and organisation, and are open', () => {
  const target = s('ot', 'nhs', ['sensory-and-physical'], ['health']);
  const all = [target, s('physio', 'nhs', ['sensory-and-physical'], ['health']), s('pool', 'school', ['sensory-and-physical'], ['health'], 'temporarily-closed'), s('club', 'charity', [], ['short-breaks-and-activities']), s('slt', 'nhs', ['communication-and-interaction'], ['health'])];
  expect(relatedServices(target, all).map((r) => r.id)).toEqual(['physio', 'slt']);
});

test('the index picks exactly what comparing every pair of services picks, across a big random directory', () => {
  // The plain definition: score every other open service, most in common first, ties in list order.
  const score = (a: RelatableService, b: RelatableService) =>
    a.needs.filter((n) => b.needs.includes(n)).length * 2 + a.categories.filter((c) => b.categories.includes(c)).length * 3 + (a.organisation === b.organisation ? 2 : 0);
  const byComparingAll = (target: RelatableService, all: RelatableService[], limit: number) =>
    all
      .map((service, index) => ({ service, index, score: score(target, service) }))
      .filter((c) => c.service.id !== target.id && c.service.status === 'active' && c.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map((c) => c.service.id);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list: string[]) => list.filter(() => random() < 0.3);
  // Many small organisations, and one organisation that runs most of the directory.
  for (const organisation of [() => `org${Math.floor(random() * 12)}`, () => (random() < 0.8 ? 'council' : 'charity')]) {
    const all = Array.from({ length: 400 }, (_, i) =>
      s(`s${i}`, organisation(), pick(['cognition', 'communication', 'semh', 'sensory']), pick(['health', 'education', 'leisure', 'advice', 'social-care']), random() < 0.1 ? 'closed' : 'active'),
    );
    const related = relatedServicesIndex(all);
    for (const target of all) {
      for (const limit of [0, 1, 3, 10]) expect(related(target, limit).map((r) => r.id), target.id).toEqual(byComparingAll(target, all, limit));
    }
  }
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

test('a shortlist card is made from a service open data record', () => {
  const record = {
    name: 'Portage home visiting',
    description: 'Home visits for young children.\n\nA trained Portage home visitor comes to your home.',
    minimum_age: 0,
    maximum_age: 4,
    fees: 'Free',
    organization: { name: 'Kestrel Vale Council' },
    phones: [{ number: '01632 960 200' }],
  };
  expect(shortlistCard('portage-home-visiting', record, ageRangeLabel)).toEqual({
    id: 'portage-home-visiting',
    name: 'Portage home visiting',
    summary: 'Home visits for young children.',
    ages: 'From birth to 4',
    cost: 'Free',
    organisation: 'Kestrel Vale Council',
    phone: '01632 960 200',
  });
  // A record that states no ages or cost says so, rather than "0 to 25" or "There may be a charge".
  expect(shortlistCard('x', { name: 'X', description: 'Only a summary.' }, ageRangeLabel)).toMatchObject({ summary: 'Only a summary.', ages: 'Ages not stated: ask the service', cost: 'Cost not stated: ask the service', phone: undefined });
  // The summary travels in x_summary; the description no longer repeats it.
  expect(shortlistCard('x', { name: 'X', description: 'The full description.', x_summary: 'The summary.' }, ageRangeLabel).summary).toBe('The summary.');
});
