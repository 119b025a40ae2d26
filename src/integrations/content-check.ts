/**
 * Runs the content checker when the site is built, so a bad file stops `astro build` with the
 * same plain-English list `npm run check` prints, and never with a stack trace first.
 *
 * The check runs in a worker thread while Astro starts up (about a second at 5,000 services that
 * the build used to wait for). Every content loader waits for it before reading a file
 * (src/content.config.ts, contentChecked), and so does the build itself, so the report still
 * comes before anything Astro could say about the same files.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult } from '../lib/editors/content-check.ts';
import { problemReport, warningReport } from '../lib/editors/check-report.ts';
import { CONTENT_CHECK, type ContentCheckGate } from '../lib/editors/content-checked.ts';
import { stopBuild } from '../lib/editors/command-errors.ts';

type Findings = Pick<CheckResult, 'problems' | 'warnings' | 'files'>;

/** The check in a worker thread; in this thread if a worker cannot run it. */
function checkBeside(options: CheckOptions): Promise<Findings> {
  return new Promise((resolve, reject) => {
    let settled = false;
    // The checker is loaded only if it has to run here: loading it with the configuration took
    // about 0.2 s of the main thread's start-up, and the worker loads its own copy.
    const inThisThread = () => {
      if (settled) return;
      settled = true;
      import('../lib/editors/content-check.ts')
        .then(({ checkContent }) => checkContent(options))
        .then(resolve, reject);
    };
    const worker = new Worker(new URL('../lib/editors/content-check-worker.ts', import.meta.url), { workerData: options });
    worker.once('message', (findings: Findings) => {
      settled = true;
      resolve(findings);
    });
    worker.once('error', inThisThread);
    worker.once('exit', inThisThread);
  });
}

function report({ problems, warnings, files }: Findings, command: string, logger: AstroIntegrationLogger) {
  if (problems.length === 0) {
    if (warnings.length > 0) logger.warn(`\n${warningReport(warnings)}`);
    logger.info(`${files} content files checked: no problems.`);
    return;
  }
  const text = problemReport(problems, files, warnings);
  if (command === 'build') stopBuild(text);
  logger.warn(`\n${text}`);
}

export function contentCheck(): AstroIntegration {
  const gate = globalThis as ContentCheckGate;
  return {
    name: 'open-local-offer:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const options: CheckOptions = {
          rootDir: fileURLToPath(config.root),
          contentDir: fileURLToPath(new URL('./content/', config.root)),
          publicDir: fileURLToPath(config.publicDir),
        };
        gate[CONTENT_CHECK] = checkBeside(options).then((findings) => report(findings, command, logger));
      },
      // In case no loader asked first: nothing is built before the check has spoken.
      'astro:build:start': async () => {
        await gate[CONTENT_CHECK];
      },
    },
  };
}
