import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInputs, sourceHash } from './lib.mjs';

describe('the build’s inputs', () => {
  it('include proxy.ts, the configs and every source folder, and leave out tests, e2e, bench and docs', () => {
    const inputs = buildInputs();
    for (const file of ['proxy.ts', 'next.config.js', 'tsconfig.json', 'package-lock.json', 'app/layout.tsx'])
      expect(inputs).toContain(file);
    expect(inputs).toContain('scripts/build-workers.mjs');
    expect(inputs.filter((f) => /^(e2e|bench|docs)\/|\.test\.tsx?$|\.md$|^scripts\/(?!build-workers)/.test(f))).toEqual(
      [],
    );
  });

  it('change the hash when any file the build reads changes, a new root file included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-hash-'));
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    write('proxy.ts', 'export const a = 1;');
    write('app/page.tsx', 'page');
    write('e2e/x.spec.ts', 'test');
    write('README.md', 'readme');
    const before = sourceHash(dir);
    write('e2e/x.spec.ts', 'another test');
    write('README.md', 'another readme');
    write('app/page.test.ts', 'a unit test');
    expect(sourceHash(dir)).toBe(before);
    write('proxy.ts', 'export const a = 2;');
    const afterProxy = sourceHash(dir);
    expect(afterProxy).not.toBe(before);
    write('instrumentation.ts', 'export function register() {}');
    expect(sourceHash(dir)).not.toBe(afterProxy);
  });

  it('skip a link to a directory, as a node_modules linked in from elsewhere (git lists it as a file)', () => {
    for (const isRepo of [false, true]) {
      const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-link-'));
      const elsewhere = mkdtempSync(path.join(tmpdir(), 'tidemark-elsewhere-'));
      writeFileSync(path.join(elsewhere, 'x.js'), 'x');
      writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
      mkdirSync(path.join(dir, 'app'));
      writeFileSync(path.join(dir, 'app', 'page.tsx'), 'page');
      if (isRepo) spawnSync('git', ['init', '-q'], { cwd: dir });
      const before = sourceHash(dir);
      symlinkSync(elsewhere, path.join(dir, 'node_modules'));
      symlinkSync(elsewhere, path.join(dir, 'linked'));
      expect(buildInputs(dir)).toEqual(['app/page.tsx']);
      expect(sourceHash(dir)).toBe(before);
    }
  });
});
