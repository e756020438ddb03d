/**
 * Checkpoints the WAL on a thread of its own. A write of a large document appends ~10 MB to the WAL,
 * and with SQLite's automatic checkpoint the commit that crosses the threshold then copies the whole
 * WAL into the database file, and syncs it, on the thread that answers every request: a few hundred
 * milliseconds, on a busy disk more. The app's connection turns the automatic checkpoint off
 * (db/client.ts) and asks this worker (a one-thread piscina pool) for a PASSIVE checkpoint every
 * second, on a connection of its own; a passive checkpoint never blocks a reader or a writer.
 * Bundled by scripts/build-workers.mjs.
 */
import Database from 'better-sqlite3';

const connections = new Map<string, Database.Database>();

export default function checkpoint({ file }: { file: string }): number[] {
  let db = connections.get(file);
  if (!db) {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    connections.set(file, db);
  }
  // [busy, WAL frames, frames checkpointed]
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return row ? [row.busy, row.log, row.checkpointed] : [];
}
