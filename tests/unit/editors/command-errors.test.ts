import { describe, expect, test } from 'vitest';
import { EditorError, errorReport, foreseenMessage, nowReading, unexpectedMessage } from '../../../src/lib/editors/command-errors.ts';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('when a command stops', () => {
  test('a foreseen problem is printed as it is, with no trace', () => {
    const report = errorReport('npm run review-report', new EditorError('--date must be a real date written as YYYY-MM-DD'), false);
    expect(report).toBe('✗ --date must be a real date written as YYYY-MM-DD');
  });

  test('an unexpected error is one sentence naming the file being read and where to report it, with no trace', () => {
    nowReading('content/services/portage.json');
    const report = errorReport('npm run check', new RangeError('Maximum call stack size exceeded'), false);
    nowReading(undefined);
    expect(report).toContain('npm run check stopped unexpectedly while reading content/services/portage.json');
    expect(report).toContain('please report this to the people who look after the site');
    expect(report).toContain('"Maximum call stack size exceeded"');
    expect(report).toContain('--debug');
    expect(report.split('\n')).toHaveLength(1);
    expect(report).not.toMatch(STACK_LINE);
  });

  test('the trace is shown only with --debug', () => {
    const error = new Error('boom');
    expect(errorReport('npm run import', error, false)).not.toContain(error.stack!.split('\n')[1]!.trim());
    expect(errorReport('npm run import', error, true)).toContain(error.stack!.split('\n')[1]!.trim());
  });

  test('a long or multi-line reason is cut to its first line', () => {
    expect(unexpectedMessage('npm run cms', new Error(`first line\n    at somewhere (x.ts:1:1)`), undefined)).not.toContain('somewhere');
  });

  test('what the computer says about ports and files is put into words, with what to do', () => {
    expect(foreseenMessage('npm run cms', Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE', port: 4321 }))).toMatch(/port 4321 is already in use by another program — close that program.*--port/);
    expect(foreseenMessage('npm run import', Object.assign(new Error('EISDIR'), { code: 'EISDIR', path: 'services' }))).toBe('npm run import expected a file but services is a folder — give the path of a file');
    expect(foreseenMessage('npm run import', new Error('something else'))).toBeUndefined();
  });
});
