/**
 * Honest tags: a service that claims every area of need and every level of support turns up in
 * every filter and every browse page, so a parent who narrows the list down still sees it. It may
 * be right (an advice line), but it is worth a look, so the content check warns (it does not stop
 * publishing). "Open to all needs" is written as an empty `needs` list, which is not warned about.
 */
import { levels, needs } from '../../contract/vocabulary.ts';
import type { Problem } from './problems.ts';

export function overTaggedServices(services: { file: string; data: Record<string, unknown> }[]): Problem[] {
  return services.flatMap(({ file, data }) => {
    const claimed = (field: string) => new Set(Array.isArray(data[field]) ? (data[field] as unknown[]) : []);
    const serviceNeeds = claimed('needs');
    const serviceLevels = claimed('levels');
    if (!needs.values.every((n) => serviceNeeds.has(n)) || !levels.values.every((l) => serviceLevels.has(l))) return [];
    return [
      {
        file,
        field: 'needs',
        problem: 'the service is tagged with all four areas of need and every level of support, so it shows up whatever a parent filters by',
        fix: 'keep only the needs and levels the service is really for; if it is open to every need, leave "needs" empty ([]) and choose its levels',
      },
    ];
  });
}
