/** Words the site itself uses (not content), kept in one file so they are easy to review or translate. */
import strings from '../../translations/en.json' with { type: 'json' };

export type UiKey = keyof typeof strings;

export function t(key: UiKey): string {
  return strings[key];
}
