/** Prints the content checker's findings the way editors read them. */
import { formatProblem, type Problem } from './problems.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Lines for each finding, grouped by file in the order the files were first named. */
function grouped(findings: Problem[], mark: string): { lines: string[]; files: number } {
  const byFile = new Map<string, Problem[]>();
  for (const p of findings) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return { lines: [...byFile.values()].flat().map((p) => `  ${mark} ${formatProblem(p)}`), files: byFile.size };
}

/** Things to look at that do not stop publishing, or '' when there are none. */
export function warningReport(warnings: Problem[]): string {
  if (warnings.length === 0) return '';
  const { lines, files } = grouped(warnings, '!');
  return [
    'Worth a look (these do not stop the site being published):',
    '',
    ...lines,
    '',
    `${plural(warnings.length, 'thing', 'things')} to look at in ${plural(files, 'file', 'files')}.`,
  ].join('\n');
}

export function problemReport(problems: Problem[], files: number, warnings: Problem[] = []): string {
  const toLookAt = warningReport(warnings);
  if (problems.length === 0) return [toLookAt, `✓ All ${files} content files are valid.`].filter(Boolean).join('\n\n');
  const { lines, files: where } = grouped(problems, '✗');
  return [
    'Some content needs fixing before the site can be published:',
    '',
    ...lines,
    '',
    `${plural(problems.length, 'problem', 'problems')} in ${plural(where, 'file', 'files')} (of ${files} content files checked). Nothing has been published. See docs/editing.md for help.`,
    ...(toLookAt ? ['', toLookAt] : []),
  ].join('\n');
}
