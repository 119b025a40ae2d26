import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyFolder, emptyInBackground, moveAside } from '../../../src/lib/site/old-output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'olo-old-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function builtSite(dir: string) {
  mkdirSync(join(dir, 'services', 'portage'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(dir, 'services', 'portage', 'index.html'), '<h1>Portage</h1>');
}

describe('moveAside', () => {
  test('moves the old output into the trash folder, leaving its place free', () => {
    const dist = join(root, 'dist');
    builtSite(dist);
    const moved = moveAside(dist, join(root, 'trash'));
    expect(existsSync(dist)).toBe(false);
    expect(moved).toBeDefined();
    expect(readFileSync(join(moved!, 'services', 'portage', 'index.html'), 'utf8')).toBe('<h1>Portage</h1>');
  });

  test('leaves alone a link to a folder elsewhere: it stays a link, for Astro to empty what it points to', () => {
    const elsewhere = join(root, 'elsewhere');
    builtSite(elsewhere);
    const dist = join(root, 'dist');
    symlinkSync(elsewhere, dist, 'dir');
    expect(moveAside(dist, join(root, 'trash'))).toBeUndefined();
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(existsSync(join(elsewhere, 'index.html'))).toBe(true);
  });

  test('leaves alone a folder that does not exist, or holds .git (Astro keeps it)', () => {
    expect(moveAside(join(root, 'missing'), join(root, 'trash'))).toBeUndefined();
    const dist = join(root, 'dist');
    builtSite(dist);
    mkdirSync(join(dist, '.git'));
    expect(moveAside(dist, join(root, 'trash'))).toBeUndefined();
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });
});

describe('emptyFolder (npm run build tells Astro not to empty dist/: where it cannot be moved aside, old-output empties it)', () => {
  test('empties a link to a folder elsewhere, which stays a link, and keeps .git as Astro would', () => {
    const elsewhere = join(root, 'elsewhere');
    builtSite(elsewhere);
    mkdirSync(join(elsewhere, '.git'));
    writeFileSync(join(elsewhere, '.git', 'HEAD'), 'ref: refs/heads/main');
    const dist = join(root, 'dist');
    symlinkSync(elsewhere, dist, 'dir');
    emptyFolder(dist);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual(['.git']);
    expect(readFileSync(join(elsewhere, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main');
  });

  test('does nothing when the folder does not exist', () => {
    emptyFolder(join(root, 'missing'));
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });
});

describe('emptyInBackground', () => {
  test('deletes this build’s old output and any an earlier, stopped build left', async () => {
    const trash = join(root, 'trash');
    builtSite(join(root, 'dist'));
    moveAside(join(root, 'dist'), trash);
    builtSite(join(trash, 'left-by-a-stopped-build'));
    expect(readdirSync(trash)).toHaveLength(2);
    await emptyInBackground(trash);
    expect(readdirSync(trash)).toEqual([]);
  });

  test('does nothing when there is nothing to delete', async () => {
    await expect(emptyInBackground(join(root, 'no-trash'))).resolves.toBeUndefined();
  });
});
