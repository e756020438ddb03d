// `npm start`: install what is missing, migrate and seed the database, build when stale, serve
// (scripts/serve.mjs: Next.js behind the edge, on 127.0.0.1 unless HOST or TIDEMARK_PASSWORD say otherwise).
import { spawn } from 'node:child_process';
import net from 'node:net';
import { bindAddress } from './edge.mjs';
import { bin, buildIfStale, ensureDependencies, env, root, runOrExit } from './lib.mjs';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number between 1 and 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

/** Fails fast, before installing or building, when something already listens on the port. */
function assertPortFree() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error) => {
      console.error(
        error.code === 'EADDRINUSE'
          ? `Port ${port} is already in use: stop what is using it, or start on another port with PORT=${port + 1} npm start.`
          : `Cannot listen on port ${port}: ${error.message}`,
      );
      process.exit(1);
    });
    probe.listen(port, () => probe.close(resolve));
  });
}

await assertPortFree();
ensureDependencies();
runOrExit('database migration', bin('tsx'), ['db/migrate-cli.ts']);
buildIfStale();
await assertPortFree();

const server = spawn(process.execPath, ['scripts/serve.mjs'], {
  cwd: root,
  env: { ...env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { host } = bindAddress(process.env);
const shownHost =
  host === undefined || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
let announced = false;
server.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (!announced && /^Ready on/m.test(text)) {
    announced = true;
    const where = host === undefined ? ' (listening on every interface)' : '';
    console.log(`\nTidemark is running at http://${shownHost}:${port}${where}  (Ctrl+C to stop)\n`);
  } else if (!/^Ready on/m.test(text)) {
    process.stdout.write(text);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
