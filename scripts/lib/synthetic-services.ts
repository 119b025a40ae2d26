/**
 * Realistic-looking synthetic services for the benchmark: varied names, needs, levels, ages,
 * contacts, locations and opening hours, generated from a fixed seed so runs compare.
 */
import { accessRoutes, categories, levels, needs } from '../../src/contract/vocabulary.ts';

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const KINDS = ['Sensory play group', 'Speech and language drop-in', 'Autism parent support', 'Youth club', 'Holiday scheme', 'Wheelchair skills course', 'Independent travel training', 'Reading support programme', 'Family wellbeing service', 'Occupational therapy clinic', 'Supported employment project', 'Short breaks club', 'Counselling service', 'Sibling support group', 'Deaf children’s club', 'Visual impairment outreach', 'Nurture group network', 'Learning disability choir', 'Inclusive football', 'Transition advice service'];
const SENTENCES = [
  'Sessions are small and run by trained staff who know the children well.',
  'Parents and carers are welcome to stay, and brothers and sisters can often come too.',
  'We adapt activities so that everyone can take part, whatever their needs.',
  'There is a quiet space for anyone who needs a break from noise or crowds.',
  'We work closely with schools, health visitors and the council’s SEND team.',
  'Staff are trained in communication support, first aid and safe moving and handling.',
  'We can help you find other services and explain how the graduated response works.',
  'Young people help to plan what we do, so sessions change with their interests.',
];

export interface SyntheticService {
  id: string;
  data: Record<string, any> & { name: string; summary: string };
}

/** The local area the services are in, from the council's site.json, so any council's content works. */
export interface SyntheticArea {
  localities: { name: string; lat: number; lng: number }[];
  /** For the services' email addresses, e.g. "kestrelvale.example". */
  emailDomain: string;
  /** The letters that start the area's postcodes, e.g. "KV". */
  postcodeArea: string;
}

/** The area described by a site.json: its localities, its contact email's domain and its address's postcode. */
export function areaOfSite(site: { localities: SyntheticArea['localities']; contact: { email: string; address: string } }): SyntheticArea {
  const postcode = /\b([A-Z]{1,2})\d[A-Z\d]? ?\d[A-Z]{2}\b/.exec(site.contact.address);
  return {
    // site.json's schema asks for at least one locality, so there is always a place to name.
    localities: site.localities,
    emailDomain: site.contact.email.split('@')[1] ?? 'example.org',
    postcodeArea: postcode?.[1] ?? 'ZZ',
  };
}

export function syntheticServices(count: number, organisations: string[], area: SyntheticArea, seed = 20261122): SyntheticService[] {
  const rand = random(seed);
  const localities = area.localities.map((l) => l.name);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const some = <T,>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list)))];
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(KINDS)} ${pick(localities)} ${i + 1}`;
    const min = Math.floor(rand() * 18);
    const max = Math.min(25, min + 2 + Math.floor(rand() * 10));
    const description = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(SENTENCES)).join(' ');
    const located = rand() > 0.3;
    const place = pick(area.localities);
    return {
      id: `synthetic-${String(i + 1).padStart(5, '0')}`,
      data: {
        name,
        organisation: pick(organisations),
        summary: `${name.replace(/ \d+$/, '')}: ${pick(SENTENCES)}`.slice(0, 199),
        description,
        categories: some(categories.values, 2),
        needs: rand() > 0.3 ? some(needs.values, 2) : [],
        levels: some(levels.values, 2),
        ageRange: { min, max },
        access: { routes: some(accessRoutes.values, 2), howTo: 'Call or email us, or ask your school or health visitor to refer you.', ...(rand() > 0.6 ? { eligibility: 'Children and young people who live in the area and have, or may have, special educational needs or a disability.' } : {}) },
        cost: rand() > 0.7 ? { free: false, details: `£${1 + Math.floor(rand() * 10)} a session` } : { free: true },
        contacts: [{ phone: `01632 960 ${String(Math.floor(rand() * 1000)).padStart(3, '0')}`, email: `service${i + 1}@${area.emailDomain}` }],
        locations: located ? [{ name: `${place.name} Community Centre`, address: `${1 + Math.floor(rand() * 99)} High Street, ${place.name}`, postcode: `${area.postcodeArea}${1 + Math.floor(rand() * 9)} ${1 + Math.floor(rand() * 9)}AB`, lat: place.lat + (rand() - 0.5) * 0.04, lng: place.lng + (rand() - 0.5) * 0.06 }] : [],
        areaServed: rand() > 0.5 ? ['whole-area'] : some(localities, 2),
        hours: rand() > 0.5 ? [{ days: ['mon', 'wed', 'fri'], opens: '09:30', closes: '15:00' }] : undefined,
        keywords: ['synthetic', pick(['play', 'support', 'advice', 'therapy', 'club'])],
        status: 'active',
        lastReviewed: '2026-10-01',
      },
    };
  });
}
