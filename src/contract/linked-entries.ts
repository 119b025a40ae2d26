/**
 * The entries the site's own pages link to by their file names: the header, footer and home
 * page, the pathways, the timeline calculator and the provision pages name them. A council's
 * content must have each (npm run check says which is missing, and why), or those links would go
 * nowhere. tests/unit/architecture.test.ts finds every such link in src/ and fails if one is not
 * listed here.
 */
import type { CollectionName } from './index.ts';

export interface LinkedEntry {
  collection: Extract<CollectionName, 'pages' | 'services' | 'pathways' | 'navigator'>;
  id: string;
  /** What it is, for the message. */
  what: string;
  /** Where the site links to it. */
  from: string;
}

export const LINKED_ENTRIES: readonly LinkedEntry[] = [
  { collection: 'pages', id: 'about-the-local-offer', what: 'the page about the Local Offer', from: 'the footer of every page' },
  { collection: 'pages', id: 'complaints-mediation-and-appeals', what: 'the page on complaints, mediation and appeals', from: 'the footer of every page and the home page' },
  { collection: 'pages', id: 'accessibility', what: 'the accessibility statement (a council’s website must publish one: the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018, regulation 8)', from: 'the footer of every page' },
  { collection: 'pages', id: 'privacy', what: 'the privacy notice', from: 'the footer of every page' },
  { collection: 'services', id: 'send-information-advice-and-support', what: 'the SEND information, advice and support service (SENDIASS), which every council must arrange (Children and Families Act 2014, section 32)', from: 'the home page, the timeline calculator and the provision pages for parents' },
  { collection: 'navigator', id: 'which-support-applies', what: 'the "which support applies?" questions', from: 'the home page, the pathways and every pathway page' },
  { collection: 'navigator', id: 'ask-for-an-ehc-needs-assessment', what: 'the questions on asking for an EHC needs assessment', from: 'the pathways page and the provision pages for parents' },
  { collection: 'pathways', id: 'ehc-needs-assessment', what: 'the pathway for asking for an EHC needs assessment', from: 'the timeline calculator' },
  { collection: 'pathways', id: 'ehc-plan', what: 'the pathway for the EHC plan', from: 'the timeline calculator' },
  { collection: 'pathways', id: 'annual-reviews', what: 'the pathway for annual reviews', from: 'the timeline calculator' },
  { collection: 'pathways', id: 'disagreements', what: 'the pathway for disagreements', from: 'the timeline calculator' },
];

/** Services the home page links to only when the council has them. */
export const OPTIONAL_LINKED_SERVICES = ['supported-internships'] as const;
