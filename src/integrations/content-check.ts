/**
 * Runs the content checker when the site is built, so a bad file stops `astro build` with the
 * same plain-English list `npm run check` prints, and never with a stack trace first.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../lib/content-check.ts';
import { problemReport, warningReport } from '../lib/check-report.ts';

export function contentCheck(): AstroIntegration {
  return {
    name: 'open-local-offer:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const rootDir = fileURLToPath(config.root);
        const { problems, warnings, files } = checkContent({
          rootDir,
          contentDir: fileURLToPath(new URL('./content/', config.root)),
          publicDir: fileURLToPath(config.publicDir),
        });
        if (problems.length === 0) {
          if (warnings.length > 0) logger.warn(`\n${warningReport(warnings)}`);
          logger.info(`${files} content files checked: no problems.`);
          return;
        }
        const report = problemReport(problems, files, warnings);
        if (command === 'build') {
          process.stderr.write(`\n${report}\n\n`);
          process.exit(1);
        }
        logger.warn(`\n${report}`);
      },
    },
  };
}
