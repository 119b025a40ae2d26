/** Prints the content checker's findings the way editors read them. */
import { formatProblem, type Problem } from './problems.ts';

export function problemReport(problems: Problem[], files: number): string {
  if (problems.length === 0) return `✓ All ${files} content files are valid.`;
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const lines = [...byFile.values()].flat().map((p) => `  ✗ ${formatProblem(p)}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const where = byFile.size === 1 ? '1 file' : `${byFile.size} files`;
  return [
    'Some content needs fixing before the site can be published:',
    '',
    ...lines,
    '',
    `${count} in ${where} (of ${files} content files checked). Nothing has been published. See docs/editing.md for help.`,
  ].join('\n');
}
