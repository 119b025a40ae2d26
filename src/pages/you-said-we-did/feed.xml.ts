/** /you-said-we-did/feed.xml: the newest "you said, we did" entries as an Atom feed. */
import type { APIRoute } from 'astro';
import { allFeedback } from '../../data/content.ts';
import { feedbackFeed } from '../../lib/feedback/feedback-feed.ts';
import { site } from '../../lib/site/site.ts';
import { today } from '../../lib/text/dates.ts';

export const GET: APIRoute = async () =>
  new Response(feedbackFeed(await allFeedback(), site, today()), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
