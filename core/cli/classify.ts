/**
 * `npm run classify -- <trace.csv|json> [--step-minutes N] [--per second|minute|interval]`: prints
 * `{ pattern, confidence, ambiguous, runnerUp, workload, evidence }` as JSON. Bad input exits with
 * status 2 and one `path: message` line per problem (path is the file or `line N`); nothing is
 * printed to stdout then. The only module here that touches the file system.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Problem } from '../model/validate';
import { classifyText, type ClassifyOptions } from '../measure/classify';
import { SERIES_LIMITS } from '../measure/parse-series';

const USAGE = 'usage: npm run classify -- <trace.csv> [--step-minutes N] [--per second|minute|interval]';

export interface CliResult {
  status: 0 | 2;
  stdout: string;
  stderr: string;
}

export function runClassify(args: readonly string[]): CliResult {
  const parsed = parseArgs(args);
  if ('problems' in parsed) return failWith(parsed.problems);
  const { file, options } = parsed;
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > SERIES_LIMITS.maxChars) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return failWith([
        { path: file, message: `${mb(size)} MB is more than the ${mb(SERIES_LIMITS.maxChars)} MB a series may have` },
      ]);
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return failWith([
      { path: file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` },
    ]);
  }
  const result = classifyText(text, options);
  if (!result.ok)
    return failWith(
      result.problems.map((p) => ({
        path: p.path.startsWith('--') ? p.path : p.path ? `${file}: ${p.path}` : file,
        message: p.message,
      })),
    );
  return { status: 0, stdout: `${JSON.stringify(result.value, null, 2)}\n`, stderr: '' };
}

function parseArgs(args: readonly string[]): { file: string; options: ClassifyOptions } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const options: ClassifyOptions = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--step-minutes') {
      const v = value();
      const n = Number(v);
      if (v === undefined || !(n > 0) || !Number.isFinite(n))
        problems.push({
          path: '--step-minutes',
          message: `must be a positive number of minutes, got ${v ?? 'nothing'}`,
        });
      else options.stepMinutes = n;
    } else if (flag === '--per') {
      const v = value();
      if (v === 'second' || v === 'minute' || v === 'interval') options.per = v;
      else problems.push({ path: '--per', message: `must be second, minute or interval, got ${v ?? 'nothing'}` });
    } else if (flag.startsWith('--')) problems.push({ path: flag, message: `unknown option; ${USAGE}` });
    else files.push(arg);
  }
  if (files.length !== 1)
    problems.push({
      path: '(arguments)',
      message: files.length === 0 ? `no file given; ${USAGE}` : `one file at a time, got ${files.length}`,
    });
  return problems.length > 0 ? { problems } : { file: files[0] as string, options };
}

function failWith(problems: readonly Problem[]): CliResult {
  return { status: 2, stdout: '', stderr: `${problems.map((p) => `${p.path}: ${p.message}`).join('\n')}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runClassify(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.status;
}
