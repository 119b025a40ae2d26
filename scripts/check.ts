/** `npm run check`: validates all of content/ without building the site. */
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/editors/content-check.ts';
import { problemReport } from '../src/lib/editors/check-report.ts';
import { catchUnexpected } from '../src/lib/editors/command-errors.ts';

// The check reports what it finds in a file as a problem with that file; anything else that
// stops it is one sentence, never a stack trace (add --debug for the trace).
catchUnexpected('npm run check');
const root = new URL('../', import.meta.url);
const started = performance.now();
const { problems, warnings, files } = checkContent({
  rootDir: fileURLToPath(root),
  contentDir: fileURLToPath(new URL('content/', root)),
  publicDir: fileURLToPath(new URL('public/', root)),
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const report = problemReport(problems, files, warnings);
if (problems.length) {
  process.stderr.write(`${report}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`${report} (${seconds} s)\n`);
}
