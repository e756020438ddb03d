/**
 * `npm run plan -- <design.json> [--out <plan.json>]`: reads a design, writes its plan (stdout unless
 * --out). Bad input exits with status 2 and one `path: message` line per problem; nothing is written.
 * The design goes through the versioned loader (a newer version is named), a UTF-8 byte order mark is
 * skipped, and an --out that is the design file itself is refused before anything is read.
 * The only module of the plan path that touches Node: everything else runs in a browser worker too.
 */
import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatProblems } from '../model/validate';
import { planDesignText } from '../plan/plan-design';
import { registerHighs } from './register-highs';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: npm run plan -- <design.json> [--out <plan.json>]';

export function runPlanCli(argv: readonly string[]): CliResult {
  const args = [...argv];
  let out: string | undefined;
  const outAt = args.findIndex((a) => a === '--out' || a.startsWith('--out='));
  if (outAt >= 0) {
    const flag = args[outAt] as string;
    out = flag.includes('=') ? flag.slice('--out='.length) : args[outAt + 1];
    args.splice(outAt, flag.includes('=') ? 1 : 2);
    if (!out) return fail('--out: needs a file name');
  }
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) return fail(`${unknown}: unknown option (${USAGE})`);
  const file = args[0];
  if (!file || args.length > 1) return fail(USAGE);
  if (out !== undefined && isSameFile(file, out))
    return fail(`--out: ${out} is the design file itself; the plan would overwrite the design. Choose another file.`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const result = planDesignText(text);
  if (!result.ok) return { status: 2, stdout: '', stderr: `${formatProblems(result.problems)}\n` };
  const json = `${JSON.stringify(result.value.plan, null, 2)}\n`;
  if (!out) return { status: 0, stdout: json, stderr: '' };
  try {
    writeFileSync(out, json);
  } catch (e) {
    return fail(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { status: 0, stdout: '', stderr: '' };
}

/** The same file by path, after following links, or the same inode (a hard link). */
function isSameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const [sa, sb] = [statSync(a), statSync(b)];
  return sa.ino === sb.ino && sa.dev === sb.dev;
}

function fail(message: string): CliResult {
  return { status: 2, stdout: '', stderr: `${message}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void registerHighs().then(() => {
    const result = runPlanCli(process.argv.slice(2));
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.status;
  });
}
