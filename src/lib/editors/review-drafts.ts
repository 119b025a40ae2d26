/**
 * The drafts `npm run review-report` lists: imported services not published yet, each with what
 * it still needs. The needs are the ones the importer wrote into the draft, and anything a
 * published service must have that it still lacks (worked out now, so the list is current).
 */
import { publishingProblems } from '../../contract/service.ts';

export interface DraftEntry {
  id: string;
  file: string;
  data: Record<string, unknown>;
  /** The organisation's name, or its id when it has no file. */
  organisation: string;
}

export interface DraftRow {
  id: string;
  file: string;
  title: string;
  organisation: string;
  needs: string[];
}

/** Every draft among the services, grouped by organisation A to Z, then by name. */
export function draftsReport(services: DraftEntry[]): Map<string, DraftRow[]> {
  const rows: DraftRow[] = [];
  for (const { id, file, data, organisation } of services) {
    if (!Array.isArray(data.draft) || data.draft.length === 0) continue;
    const written = data.draft.filter((need): need is string => typeof need === 'string');
    const now = publishingProblems(data as Parameters<typeof publishingProblems>[0])
      .map((p) => `${p.path.join('.')} — needs ${p.message}`)
      .filter((need) => !written.includes(need));
    rows.push({ id, file, title: String(data.name ?? id), organisation, needs: [...written, ...now] });
  }
  rows.sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB') || a.title.localeCompare(b.title, 'en-GB'));
  const groups = new Map<string, DraftRow[]>();
  for (const row of rows) groups.set(row.organisation, [...(groups.get(row.organisation) ?? []), row]);
  return groups;
}
