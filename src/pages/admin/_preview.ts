/**
 * The preview beside the service form, laid out like the service page (src/pages/services/[id].astro)
 * and styled by the site's own stylesheet (registered as a preview style), so an editor sees
 * roughly what families will see. Other collections use Decap's plain preview.
 */
import { ageRangeLabel, costLabel } from '../../lib/directory/ages.ts';
import { accessRoutes, categories, levels, needs } from '../../contract/vocabulary.ts';

type Element = unknown;
type CreateElement = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;

interface PreviewProps {
  entry: { get(key: 'data'): { toJS(): Record<string, unknown> } };
  widgetFor(name: string): Element;
  widgetsFor(name: string): { getIn(path: string[]): Element };
}

const labelled = (values: unknown, label: (value: string) => string) =>
  Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string').map((v) => label(v) ?? v) : [];

export function servicePreview(h: CreateElement) {
  return function ServicePreview({ entry, widgetFor, widgetsFor }: PreviewProps): Element {
    const data = entry.get('data').toJS() as {
      name?: string;
      organisation?: string;
      summary?: string;
      ageRange?: { min?: number; max?: number };
      needs?: string[];
      levels?: string[];
      categories?: string[];
      cost?: { free?: boolean; details?: string };
      access?: { routes?: string[]; eligibility?: string };
    };
    const row = (term: string, value: string) => h('div', { className: 'summary-list__row' }, h('dt', null, term), h('dd', null, value));
    const ages = typeof data.ageRange?.min === 'number' && typeof data.ageRange?.max === 'number' ? ageRangeLabel({ min: data.ageRange.min, max: data.ageRange.max }) : '';
    const needList = labelled(data.needs, (v) => needs.labels[v as keyof typeof needs.labels]);
    const access = widgetsFor('access');
    return h(
      'main',
      { className: 'main' },
      h('span', { className: 'caption' }, data.organisation ?? ''),
      h('h1', null, data.name ?? ''),
      h('p', { className: 'lead' }, data.summary ?? ''),
      h('h2', null, 'Who it is for'),
      h(
        'dl',
        { className: 'summary-list' },
        row('Ages', ages),
        row('Needs', needList.length ? needList.join('; ') : 'Open to all needs'),
        row('Level of support', labelled(data.levels, (v) => levels.labels[v as keyof typeof levels.labels]).join('; ')),
        row('Type of service', labelled(data.categories, (v) => categories.labels[v as keyof typeof categories.labels]).join('; ')),
        // As the service page says it: a cost left out is "not stated", not a charge.
        row('Cost', data.cost ? `${data.cost.free ? 'Free' : 'There is a charge'}${data.cost.details ? `. ${data.cost.details}` : ''}` : costLabel(undefined)),
      ),
      h('h2', null, 'How to get it'),
      h('ul', null, ...labelled(data.access?.routes, (v) => accessRoutes.labels[v as keyof typeof accessRoutes.labels]).map((label) => h('li', { key: label }, label))),
      data.access?.eligibility ? h('div', { className: 'inset' }, h('h3', null, 'Who can use it'), access?.getIn(['widgets', 'eligibility'])) : null,
      access?.getIn(['widgets', 'howTo']),
      h('h2', null, 'About the service'),
      h('div', { className: 'prose' }, widgetFor('description')),
    );
  };
}
