import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, test } from 'vitest';
import { SocialImagePool, threadsAfterBuilding, threadsWhileBuilding, type SocialImageTask } from '../../../src/lib/social-images/social-image-pool.ts';
import type { FontFile } from '../../../src/lib/social-images/social-image.ts';
import { pngSize } from '../../fixtures/png.ts';

const fontDir = 'node_modules/@fontsource/atkinson-hyperlegible/files';
const fonts: FontFile[] = [
  { name: 'Atkinson Hyperlegible', weight: 400, data: readFileSync(`${fontDir}/atkinson-hyperlegible-latin-400-normal.woff`) },
  { name: 'Atkinson Hyperlegible', weight: 700, data: readFileSync(`${fontDir}/atkinson-hyperlegible-latin-700-normal.woff`) },
];
/** Draws every task with a pool of its own, as a build does, and returns the pool's totals. */
async function drawSocialImages(tasks: SocialImageTask[], fonts: FontFile[], threads?: number) {
  const pool = new SocialImagePool(fonts, threads);
  try {
    await Promise.all(tasks.map((task) => pool.draw(task)));
    return pool.totals;
  } finally {
    await pool.close();
  }
}

const out = mkdtempSync(join(tmpdir(), 'olo-og-pool-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const tasks = (names: string[]): SocialImageTask[] =>
  names.map((name) => ({
    page: `og/services/${name}.png`,
    file: join(out, `${name}.png`),
    input: { title: `Service ${name}`, description: 'What it does.', siteName: 'Kestrel Vale SEND Local Offer', host: 'localoffer.kestrelvale.example', colours: { background: '#005a70', text: '#ffffff', accent: '#ffdd00' } },
  }));

describe('drawSocialImages', () => {
  test('draws every image, shared between worker threads, and leaves no partial files', async () => {
    const result = await drawSocialImages(tasks(['one', 'two', 'three']), fonts, 2);
    expect(result.drawn).toBe(3);
    expect(result.ms).toBeGreaterThan(0);
    for (const name of ['one', 'two', 'three']) expect(pngSize(readFileSync(join(out, `${name}.png`)))).toEqual({ width: 1200, height: 630 });
    expect(readdirSync(out).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  test('draws an image once however often it is asked for, early or late', async () => {
    const pool = new SocialImagePool(fonts, 2);
    try {
      const [task] = tasks(['twice']);
      const early = pool.draw(task!);
      await Promise.all([pool.draw(task!), early]);
      await pool.settled();
      expect(pool.totals.drawn).toBe(1);
      expect(pngSize(readFileSync(task!.file))).toEqual({ width: 1200, height: 630 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('keeps a process running until its images are written, then lets it end', () => {
    // Nothing but the pool keeps this process alive: it must not end with images half drawn.
    const file = join(out, 'alone.png');
    const script = `
      import { readFileSync } from 'node:fs';
      import { SocialImagePool } from ${JSON.stringify(resolve('src/lib/social-images/social-image-pool.ts'))};
      const fonts = ${JSON.stringify(fonts.map((f) => ({ ...f, data: `${fontDir}/${f.weight === 400 ? 'atkinson-hyperlegible-latin-400-normal.woff' : 'atkinson-hyperlegible-latin-700-normal.woff'}` })))}.map((f) => ({ ...f, data: readFileSync(f.data) }));
      const pool = new SocialImagePool(fonts, 1);
      await Promise.all(${JSON.stringify(tasks(['alone']))}.map((task) => pool.draw(task)));
      console.log('drawn', pool.totals.drawn);`;
    writeFileSync(join(out, 'alone.mjs'), script);
    const run = spawnSync(process.execPath, [join(out, 'alone.mjs')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout + run.stderr).toContain('drawn 1');
    expect(run.status).toBe(0);
    expect(pngSize(readFileSync(file))).toEqual({ width: 1200, height: 630 });
  }, 60_000);

  test('draws with the threads allowed, and with more once useThreads allows them', async () => {
    const pool = new SocialImagePool(fonts, 1);
    try {
      const first = tasks(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
      const drawing = first.map((task) => pool.draw(task));
      expect(pool.started).toBe(1);
      pool.useThreads(2);
      // images still waiting go to the second worker
      expect(pool.started).toBe(2);
      await Promise.all(drawing);
      expect(pool.totals.drawn).toBe(6);
      for (const task of first) expect(pngSize(readFileSync(task.file))).toEqual({ width: 1200, height: 630 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  test('leaves a core to the page builder while pages are built, and uses every core (at most four) after', () => {
    expect([1, 2, 4, 16].map((cores) => threadsWhileBuilding(cores))).toEqual([1, 1, 3, 3]);
    expect([1, 2, 4, 16].map((cores) => threadsAfterBuilding(cores))).toEqual([1, 2, 4, 4]);
  });

  test('draws nothing and starts no worker when there is nothing to draw', async () => {
    expect(await drawSocialImages([], fonts, 2)).toEqual({ drawn: 0, ms: 0 });
  });

  test('fails naming the page whose image could not be drawn', async () => {
    await expect(drawSocialImages(tasks(['broken']), [], 1)).rejects.toThrow(/og\/services\/broken\.png could not be drawn/);
  }, 60_000);
});
