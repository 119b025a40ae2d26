/**
 * Makes a throw-away copy of the demo content/ and public/ folders, so a test can break one
 * file and check the message an editor would get.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkContent } from '../../src/lib/editors/content-check.ts';
import { formatProblem } from '../../src/lib/editors/problems.ts';

export interface Fixture {
  root: string;
  /** Reads a JSON content file, changes it, writes it back. */
  editJson: (file: string, change: (data: any) => void) => void;
  write: (file: string, text: string) => void;
  read: (file: string) => string;
  /** Runs the checker and returns each problem as the line an editor reads. */
  check: () => string[];
  /** The same for the things worth a look that do not stop publishing. */
  warnings: () => string[];
  /** Deletes one file of the fixture. */
  deleteFile: (file: string) => void;
  /** Deletes the whole fixture. */
  remove: () => void;
}

export function makeFixture(): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'olo-content-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  cpSync('public', join(root, 'public'), { recursive: true });
  const path = (file: string) => join(root, file);
  return {
    root,
    editJson: (file, change) => {
      const data = JSON.parse(readFileSync(path(file), 'utf8'));
      change(data);
      writeFileSync(path(file), JSON.stringify(data, null, 2));
    },
    write: (file, text) => {
      mkdirSync(dirname(path(file)), { recursive: true });
      writeFileSync(path(file), text);
    },
    read: (file) => readFileSync(path(file), 'utf8'),
    check: () => checkContent({ rootDir: root, contentDir: path('content'), publicDir: path('public') }).problems.map(formatProblem),
    warnings: () => checkContent({ rootDir: root, contentDir: path('content'), publicDir: path('public') }).warnings.map(formatProblem),
    deleteFile: (file) => rmSync(path(file)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
