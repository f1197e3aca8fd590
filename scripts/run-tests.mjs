#!/usr/bin/env node
// Runs every *.test.ts under packages/, apps/ and e2e/ with Node's test runner.
// Node 20 does not expand globs for --test, so the files are listed here; an empty list is an error,
// never a silent "0 tests" pass.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'apps', 'e2e', 'bench'];
const filter = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

let files = roots.flatMap((dir) => {
  try {
    return walk(join(root, dir), []);
  } catch {
    return [];
  }
});
if (filter.length) files = files.filter((file) => filter.some((f) => file.includes(f)));
files.sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
console.log(`# running ${files.length} test files (concurrency ${concurrency}${process.env.DATABASE_URL ? ', PostgreSQL server' : ', embedded PGlite'})`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', '--test-reporter=tap', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
