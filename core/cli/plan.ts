/**
 * `npm run plan -- <design.json> [--out <plan.json>]`: reads a design, writes its plan (stdout unless
 * --out). Bad input exits with status 2 and one `path: message` line per problem; nothing is written.
 * The only module of core that touches Node: everything else runs in a browser worker too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblems } from '../model/validate';
import { planDesignText } from '../plan/plan-design';

function main(argv: string[]): number {
  const args = [...argv];
  let out: string | undefined;
  const outAt = args.indexOf('--out');
  if (outAt >= 0) {
    out = args[outAt + 1];
    args.splice(outAt, 2);
    if (!out) return fail('--out: needs a file name');
  }
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) return fail(`${unknown}: unknown option (usage: npm run plan -- <design.json> [--out <plan.json>])`);
  const file = args[0];
  if (!file || args.length > 1) return fail('usage: npm run plan -- <design.json> [--out <plan.json>]');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const result = planDesignText(text);
  if (!result.ok) {
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    return 2;
  }
  const json = `${JSON.stringify(result.value.plan, null, 2)}\n`;
  if (out) writeFileSync(out, json);
  else process.stdout.write(json);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
