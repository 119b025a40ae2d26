/**
 * Publishes content/public/ (videos, captions, posters) with the site: the development server
 * serves its files, and the build puts them into dist/ beside the pages. See src/lib/site/content-files.ts.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { PUBLIC_FOLDER } from '../contract/collections.ts';
import { contentFileFor, publishContentFiles, rawContentRequest } from '../lib/site/content-files.ts';
import { sendFile } from '../lib/site/static-file.ts';
import { stopBuild } from '../lib/editors/command-errors.ts';

export function contentFiles(): AstroIntegration {
  let sourceDir = '';
  let projectRoot = '';
  let contentDir = '';
  return {
    name: 'open-local-offer:content-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        sourceDir = fileURLToPath(new URL(`./content/${PUBLIC_FOLDER}/`, config.root));
        projectRoot = fileURLToPath(config.root);
        contentDir = fileURLToPath(new URL('./content/', config.root));
      },
      'astro:server:setup': ({ server }) => {
        // Before Vite's own file serving (this hook runs ahead of it): content/ is read by the
        // site's code and published only through contentFileFor, never served as it is.
        server.middlewares.use((request, response, next) => {
          if (!rawContentRequest(projectRoot, contentDir, request.url ?? '/')) return next();
          response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
          response.end('Not found: the files in content/ are published by the site, not served as they are.\n');
        });
        server.middlewares.use((request, response, next) => {
          const file = request.method === 'GET' || request.method === 'HEAD' ? contentFileFor(sourceDir, request.url ?? '/') : undefined;
          if (file) sendFile(request, response, file);
          else next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const { placed, clashes } = publishContentFiles(sourceDir, fileURLToPath(dir));
        if (clashes.length > 0) {
          // The content check refuses these first (a file added while the site was built gets here).
          stopBuild(
            `✗ These files in content/${PUBLIC_FOLDER}/ have the address of a page or file the site already publishes, or are in a folder the build fills itself, so they were not published:\n` +
              clashes.map((path) => `  content/${PUBLIC_FOLDER}/${path} (/${path})`).join('\n') +
              `\nRename each one, or move it into a folder of its own such as content/${PUBLIC_FOLDER}/files/.`,
          );
        }
        if (placed > 0) logger.info(`${placed} files from content/${PUBLIC_FOLDER}/ published.`);
      },
    },
  };
}
