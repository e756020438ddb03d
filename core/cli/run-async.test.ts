/**
 * buildPlanAsync in a Node process that nothing else keeps alive (a script awaiting it): its yields go
 * through a MessageChannel whose port is held only while a yield is pending, so the process neither
 * hangs after the plan nor exits in the middle of it (it did: the port was never held, and a script
 * awaiting a plan ended with status 0 and no plan).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { expect, it } from 'vitest';

it('a script awaiting buildPlanAsync gets its plan, then ends', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidemark-run-async-'));
  try {
    const script = path.join(dir, 'plan.ts');
    const core = path.resolve(__dirname, '..');
    writeFileSync(
      script,
      [
        `import { EXAMPLE_DESIGNS } from ${JSON.stringify(path.join(core, 'examples/index.ts'))};`,
        `import { validateDesign } from ${JSON.stringify(path.join(core, 'model/validate.ts'))};`,
        `import { buildPlanAsync } from ${JSON.stringify(path.join(core, 'plan/build-plan.ts'))};`,
        'async function main() {',
        '  const checked = validateDesign(EXAMPLE_DESIGNS[0]!.design);',
        "  if (!checked.ok) throw new Error('invalid');",
        '  const result = await buildPlanAsync(checked.value, { sliceMs: 1 });',
        "  console.log('placements', result.plan.placements.length);",
        '}',
        'void main();',
      ].join('\n'),
    );
    // Bundled and run by node itself: tsx's own handles would keep the process alive either way.
    const bundle = path.join(dir, 'plan.mjs');
    buildSync({
      entryPoints: [script],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'warning',
    });
    const run = spawnSync(process.execPath, [bundle], {
      cwd: path.resolve(core, '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^placements [1-9]\d*$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 70_000);
