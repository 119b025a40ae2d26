/**
 * Starts Decap CMS on /admin/. Decap is loaded from /admin/decap/ (copied from npm at build
 * time) after asking it not to start on its own; it is then given the configuration generated
 * at build time (/admin/config.json) and told to look for the local backend beside the site.
 */
import { formFor, orderKeys, pruneEmpty, type FieldOrder } from '../../lib/editors/cms-save.ts';
import { servicePreview } from './_preview.ts';
import { optionalSwitch } from './_optional-switch.ts';
import { OPTIONAL_SWITCH } from '../../lib/editors/cms-widgets.ts';
import { formatJson } from '../../lib/editors/json-format.ts';
import { CMS_LOCALE, cmsPhrases } from '../../lib/editors/cms-phrases.ts';

interface DecapMap {
  get(key: string): unknown;
}
interface Decap {
  init(options: { config: Record<string, unknown> }): void;
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerWidget(name: string, control: unknown): void;
  registerCustomFormat(name: string, extension: string, formatter: { fromFile(text: string): unknown; toFile(data: unknown): string }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: DecapMap }) => unknown }): void;
  registerLocale(locale: string, phrases: object): void;
}

declare global {
  interface Window {
    CMS?: Decap;
    CMS_MANUAL_INIT?: boolean;
    /** React's createElement, which Decap exposes for preview templates. */
    h?: Parameters<typeof servicePreview>[0];
  }
}

/** Says on the front door how loading is going (a polite status line). */
function setStatus(text: string): void {
  const status = document.querySelector<HTMLElement>('[data-cms-status]');
  if (status) status.textContent = text;
}

/**
 * Keeps the front door (council, purpose, guides) above the sign-in box, and hides it once
 * someone has signed in: Decap then moves to its collections (#/collections/…). Watching the
 * address, not Decap's DOM, costs nothing while the editor works.
 */
function hideFrontDoorWhenSignedIn(): void {
  const front = document.querySelector<HTMLElement>('[data-cms-front]');
  if (!front) return;
  const check = () => {
    if (/^#\/(collections|media|workflow|page)/.test(location.hash)) {
      front.hidden = true;
      window.removeEventListener('hashchange', check);
    }
  };
  window.addEventListener('hashchange', check);
  check();
}

export function startCms(): void {
  window.CMS_MANUAL_INIT = true;
  const script = document.createElement('script');
  script.src = '/admin/decap/decap-cms.js';
  script.addEventListener('error', () => setStatus('The editor could not load. Check your internet connection and reload the page. If it still does not load, email the SEND information team.'));
  script.addEventListener('load', async () => {
    const cms = window.CMS;
    if (!cms) return;
    const config = (await (await fetch('/admin/config.json')).json()) as Record<string, unknown> & { collections: { fields: FieldOrder[] }[] };
    const settings = document.getElementById('cms-settings');
    for (const href of (settings?.dataset.previewStyles ?? '').split(' ').filter(Boolean)) cms.registerPreviewStyle(href);
    cms.registerPreviewStyle('body { padding: 0 1.5rem 2rem; }', { raw: true });
    if (window.h) {
      cms.registerPreviewTemplate('services', servicePreview(window.h));
      // "Free", "There is a charge" or "Not known": a switch cannot say "not known".
      cms.registerWidget(OPTIONAL_SWITCH, optionalSwitch(window.h));
    }
    // Save JSON laid out like the hand-written files, so a change is a small diff.
    // Decap does not keep the order of fields, so they are put back in the form's order first.
    cms.registerCustomFormat('json', 'json', {
      fromFile: (text) => JSON.parse(text),
      toFile: (data) => {
        const plain = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        return formatJson(orderKeys(plain, formFor(config.collections, plain)?.fields ?? []));
      },
    });
    // Messages under a field in plain English, laid over Decap's own (config.json sets the locale).
    cms.registerLocale(CMS_LOCALE, cmsPhrases);
    // A cleared optional field would be saved as "" (or {}), which the content check rejects.
    cms.registerEventListener({ name: 'preSave', handler: ({ entry }) => pruneEmpty(entry.get('data')) });
    cms.init({
      config: {
        ...config,
        load_config_file: false,
        // `npm run cms` serves decap-server's local backend at /api/v1 beside the site.
        local_backend: { url: new URL('/api/v1', window.location.href).href },
      },
    });
    setStatus('The editor has loaded. Sign in below to start.');
    hideFrontDoorWhenSignedIn();
  });
  document.body.append(script);
}
