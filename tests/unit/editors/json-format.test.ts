import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatJson } from '../../../src/lib/editors/json-format.ts';

const folders = ['services', 'organisations', 'feedback', 'indicators', 'provision'];
const files = folders.flatMap((folder) => readdirSync(`content/${folder}`).filter((f) => f.endsWith('.json')).map((f) => `content/${folder}/${f}`));

describe('formatJson (how the browser editor saves JSON)', () => {
  test('keeps every field and value of every content file', () => {
    for (const file of files) {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      expect(JSON.parse(formatJson(data)), file).toEqual(data);
    }
  });

  test('writes a service the way the editing guide shows it, byte for byte', () => {
    const file = 'content/services/portage-home-visiting.json';
    const text = readFileSync(file, 'utf8');
    expect(formatJson(JSON.parse(text))).toBe(text);
  });

  test('puts short objects and word lists on one line, and long lists of objects one item a line', () => {
    const data = {
      ageRange: { min: 0, max: 4 },
      keywords: ['SALT', 'SLT'],
      access: { routes: ['drop-in'], howTo: 'x'.repeat(120) },
      locations: [
        { name: 'Kestrelford Library', address: 'Library Square, Kestrelford', postcode: 'KV1 2LB' },
        { name: 'Saltmere Health Centre', address: '12 Quay Road, Saltmere', postcode: 'KV6 2QR' },
      ],
      links: [],
    };
    expect(formatJson(data)).toBe(
      [
        '{',
        '  "ageRange": { "min": 0, "max": 4 },',
        '  "keywords": ["SALT", "SLT"],',
        '  "access": {',
        '    "routes": ["drop-in"],',
        `    "howTo": "${'x'.repeat(120)}"`,
        '  },',
        '  "locations": [',
        '    { "name": "Kestrelford Library", "address": "Library Square, Kestrelford", "postcode": "KV1 2LB" },',
        '    { "name": "Saltmere Health Centre", "address": "12 Quay Road, Saltmere", "postcode": "KV6 2QR" }',
        '  ],',
        '  "links": []',
        '}',
        '',
      ].join('\n'),
    );
  });
});
