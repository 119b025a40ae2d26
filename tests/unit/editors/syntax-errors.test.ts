import { expect, test } from 'vitest';
import { jsonError, yamlError } from '../../../src/lib/editors/check/read.ts';
import { load } from 'js-yaml';

/** The editor's message for a text that does not parse. */
const messageFor = (parse: () => unknown, explain: (error: unknown) => string) => {
  try {
    parse();
  } catch (error) {
    return explain(error);
  }
  throw new Error('it parsed');
};
const jsonMessage = (source: string) => messageFor(() => JSON.parse(source), (error) => jsonError(error, source));
const yamlMessage = (frontmatter: string) => messageFor(() => load(frontmatter), (error) => yamlError(error, frontmatter));

test('a comma after the last field is found on its own line, with the fix', () => {
  expect(jsonMessage('{\n  "name": "Portage",\n  "free": true,\n}\n')).toBe('line 3: there is a comma after the last item, before the closing } — delete that comma');
  expect(jsonMessage('{\n  "needs": [\n    "sensory",\n  ]\n}')).toBe('line 3: there is a comma after the last item, before the closing ] — delete that comma');
});

test('a missing comma points at the line it belongs to', () => {
  expect(jsonMessage('{\n  "name": "Portage"\n  "free": true\n}')).toBe('line 3: a comma is missing before this (probably at the end of line 2)');
});

test('a missing closing quote, single quotes and a file cut short are named as such', () => {
  expect(jsonMessage('{\n  "name": "Portage,\n  "free": true\n}')).toBe('line 2: a closing quote (") is missing — text in quotes must end on the same line');
  expect(jsonMessage("{\n  'name': 'Portage'\n}")).toBe('line 2: use double quotes (") around names and text, not single quotes');
  expect(jsonMessage('{\n  "needs": ["sensory"')).toBe('the file ends too early: a closing } or ] (or a closing quote) is missing at the end');
});

test('a tab pasted into text, and spaces that are not ordinary spaces, are named as such, not as a missing quote or field name', () => {
  expect(jsonMessage('{\n  "name": "Portage\thome visiting"\n}')).toBe('line 2: the text in quotes has a tab in it (often pasted from a spreadsheet) — replace it with a space, or write \\t');
  expect(jsonMessage('{\n\u00a0\u00a0"name": "Portage"\n}')).toMatch(/^line 2: there is an invisible character here that is not an ordinary space \(U\+00A0, often pasted from a web page or a document\)/);
  expect(jsonMessage('{\u200b"name": "Portage"}')).toMatch(/^line 1: there is an invisible character here that is not an ordinary space \(U\+200B/);
});

test('a word that is not a value is found on its line', () => {
  expect(jsonMessage('{\n  "name": "Portage",\n  "free": yes\n}')).toBe('line 3: yes is not a value — put text in double quotes, and write yes or no as true or false');
});

test('YAML frontmatter errors give the line in the whole file, and the usual fixes', () => {
  expect(yamlMessage('title: SEN support: in school\nsummary: What schools do.')).toBe('line 2: the value after the field name contains ": " — put the whole value in double quotes, such as title: "SEN support: in school"');
  expect(yamlMessage('title: "SEN support\nsummary: What schools do.')).toBe('line 2: a closing quote (") is missing at the end of the value');
});
