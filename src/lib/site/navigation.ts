import type { UiKey } from './ui.ts';

export interface NavigationItem {
  label: UiKey;
  href: string;
  /** Paths under this prefix count as "in" the section. */
  section: string;
}

/** The five jobs people come to do, plus "You said, we did". */
export const mainNavigation: NavigationItem[] = [
  { label: 'nav.services', href: '/services/', section: '/services/' },
  { label: 'nav.navigator', href: '/navigator/which-support-applies/', section: '/navigator/' },
  { label: 'nav.pathways', href: '/pathways/', section: '/pathways/' },
  { label: 'nav.provision', href: '/provision/', section: '/provision/' },
  { label: 'nav.youngPeople', href: '/young-people/', section: '/young-people/' },
  { label: 'nav.youSaidWeDid', href: '/you-said-we-did/', section: '/you-said-we-did/' },
];

/** Whether `path` is inside the section of a navigation item. */
export function inSection(path: string, item: NavigationItem): boolean {
  return path.startsWith(item.section) || (item.section === '/young-people/' && path.startsWith('/videos/'));
}
