import { describe, expect, test } from 'vitest';
import { problemReport, warningReport } from '../../../src/lib/editors/check-report.ts';
import type { Problem } from '../../../src/lib/editors/problems.ts';

const problem: Problem = { file: 'content/services/a.json', field: 'summary', problem: 'this required field is missing', fix: 'add "summary"' };
const warning: Problem = { file: 'content/services/b.json', field: 'contacts[0].website', problem: 'http://b.example starts with http://', fix: 'try https://b.example' };

describe('the report an editor reads', () => {
  test('all is well', () => {
    expect(problemReport([], 12)).toBe('✓ All 12 content files are valid.');
  });

  test('things to look at come before the all-clear, and do not say nothing was published', () => {
    const report = problemReport([], 12, [warning]);
    expect(report).toBe(
      [
        'Worth a look (these do not stop the site being published):',
        '',
        '  ! content/services/b.json: contacts[0].website — http://b.example starts with http:// — try https://b.example',
        '',
        '1 thing to look at in 1 file.',
        '',
        '✓ All 12 content files are valid.',
      ].join('\n'),
    );
  });

  test('problems come first and stop publishing; things to look at follow', () => {
    const report = problemReport([problem, { ...problem, field: 'name' }], 12, [warning]);
    expect(report.split('\n')[0]).toBe('Some content needs fixing before the site can be published:');
    expect(report).toContain('  ✗ content/services/a.json: summary — this required field is missing — add "summary"');
    expect(report).toContain('2 problems in 1 file (of 12 content files checked). Nothing has been published.');
    expect(report.indexOf('Nothing has been published')).toBeLessThan(report.indexOf('Worth a look'));
  });

  test('no things to look at, no section for them', () => {
    expect(warningReport([])).toBe('');
    expect(problemReport([problem], 3)).not.toContain('Worth a look');
  });
});
