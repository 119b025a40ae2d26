/**
 * The content collections. Schemas live in src/contract/ and the folder of each collection in
 * src/contract/collections.ts, shared with `npm run check` so both accept exactly the same files.
 * Every loader waits for the content check first, so an editor's mistake is explained in plain
 * English before Astro reads the file (src/integrations/content-check.ts).
 */
import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  feedbackSchema,
  glossaryTermSchema,
  indicatorSchema,
  navigatorSchema,
  organisationSchema,
  pageSchema,
  pathwaySchema,
  provisionSchema,
  serviceSchema,
  videoSchema,
  type RefFactory,
} from './contract/index.ts';
import { folderCollections, GLOSSARY_FILE, type FolderCollection } from './contract/collections.ts';
import { slugify } from './lib/text/slug.ts';
import { contentChecked } from './lib/editors/content-checked.ts';

const ref: RefFactory = (collection) => reference(collection);

/** A loader that starts once the content check has reported. */
function afterCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await contentChecked();
      return loader.load(context);
    },
  };
}

/** The loader for a folder collection, from the shared table. */
function fromFolder(name: FolderCollection['name']) {
  const collection = folderCollections.find((c) => c.name === name)!;
  return afterCheck(glob({ base: `./content/${collection.folder}`, pattern: `*${collection.extension}` }));
}

export const collections = {
  services: defineCollection({ loader: fromFolder('services'), schema: serviceSchema({ ref }) }),
  organisations: defineCollection({ loader: fromFolder('organisations'), schema: organisationSchema() }),
  pathways: defineCollection({ loader: fromFolder('pathways'), schema: pathwaySchema({ ref }) }),
  navigator: defineCollection({ loader: fromFolder('navigator'), schema: navigatorSchema() }),
  provision: defineCollection({ loader: fromFolder('provision'), schema: provisionSchema({ ref }) }),
  videos: defineCollection({ loader: fromFolder('videos'), schema: videoSchema({ ref }) }),
  feedback: defineCollection({ loader: fromFolder('feedback'), schema: feedbackSchema() }),
  pages: defineCollection({ loader: fromFolder('pages'), schema: pageSchema() }),
  indicators: defineCollection({ loader: fromFolder('indicators'), schema: indicatorSchema() }),
  glossary: defineCollection({
    loader: afterCheck(
      file(`content/${GLOSSARY_FILE}`, {
        parser: (text) => (JSON.parse(text) as { term: string }[]).map((item) => ({ id: slugify(item.term), ...item })),
      }),
    ),
    schema: glossaryTermSchema().extend({ id: z.string() }),
  }),
};
