/**
 * Tells `npm run build` (scripts/build.ts) as soon as every page of the build is final, so that
 * Pagefind can index them while Astro finishes: Astro has written or kept every page, and
 * old-output (an earlier integration) has removed the carried-over pages this build does not
 * make. What Astro does after that (the sitemap, the Open Referral files, the social images, the
 * files from content/public/, which never include a page) writes no page.
 *
 * Only when Astro was started with a channel to the command that started it (as npm run build
 * starts it); `astro build` alone sends nothing.
 */
import type { AstroIntegration } from 'astro';

/** The message npm run build waits for. */
export const PAGES_FINAL = 'open-local-offer:pages-final';

export function pagesFinal(): AstroIntegration {
  return {
    name: PAGES_FINAL,
    hooks: {
      'astro:build:generated': () => {
        // Not once the command that started Astro has gone (the channel is then closed).
        if (process.send && process.connected) process.send({ type: PAGES_FINAL });
      },
    },
  };
}
