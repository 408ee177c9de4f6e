// Fails when extension code writes HTML from strings: page data must never become markup.
// Biome covers dangerouslySetInnerHTML; this covers the DOM's own sinks.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(|document\.write\s*\(/;
const roots = ['src', 'entrypoints'];
const bad = [];

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, k) => {
          if (SINKS.test(line)) bad.push(`${path}:${k + 1}: ${line.trim()}`);
        });
    }
  }
}

for (const root of roots) walk(root);
if (bad.length > 0) {
  console.error(`HTML injection sinks are not allowed:\n${bad.join('\n')}`);
  process.exit(1);
}
