/**
 * A yes-or-no field that may also be left unsaid, for the browser editor: three radio buttons
 * ("Free", "There is a charge", "Not known") where Decap's own switch has two states and saves
 * false when it is never touched. Saves true, false, or nothing (the field is then left out of
 * the file). The field's `choices` (src/lib/editors/cms-config.ts) name the three answers.
 */
type Element = unknown;
type CreateElement = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => Element;

interface ControlProps {
  forID: string;
  value?: unknown;
  onChange(value: unknown): void;
  classNameWrapper?: string;
  field?: { get(key: string): unknown };
}

const DEFAULT_CHOICES = ['Yes', 'No', 'Not stated'];

/** The control, made with Decap's React createElement (window.h). */
export function optionalSwitch(h: CreateElement) {
  return function OptionalSwitch({ forID, value, onChange, classNameWrapper, field }: ControlProps): Element {
    const given = field?.get('choices') as { toJS?: () => unknown } | undefined;
    const labels = (typeof given?.toJS === 'function' ? given.toJS() : DEFAULT_CHOICES) as string[];
    const answers: [string, boolean | null][] = [['yes', true], ['no', false], ['unset', null]];
    return h(
      'div',
      { id: forID, role: 'radiogroup', 'aria-label': String(field?.get('label') ?? ''), className: classNameWrapper, style: { display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' } },
      ...answers.map(([key, answer], index) =>
        h(
          'label',
          { key, htmlFor: `${forID}-${key}`, style: { display: 'inline-flex', alignItems: 'center', gap: '0.5rem', cursor: 'pointer' } },
          h('input', {
            type: 'radio',
            id: `${forID}-${key}`,
            name: forID,
            checked: answer === null ? typeof value !== 'boolean' : value === answer,
            onChange: () => onChange(answer),
            style: { width: '1.25rem', height: '1.25rem', margin: 0 },
          }),
          labels[index] ?? DEFAULT_CHOICES[index],
        ),
      ),
    );
  };
}
