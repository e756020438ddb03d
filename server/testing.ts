/** A caller on a fresh in-memory database migrated from db/migrations, for router tests. */
import { openDatabase } from '../db/client';
import { createCaller } from './root';

export function createTestCaller() {
  const db = openDatabase(':memory:');
  return { db, caller: createCaller({ db }) };
}
