// The store's tables, described once for both SQL dialects: SQLite (sqlite-store.ts)
// and PostgreSQL (pg-store.ts, whose tables carry a "vmflow_" prefix to share a
// database). Times are host milliseconds; values and snapshots are bytes.

export interface Dialect {
  /** Prefix of every table and index name. */
  prefix: string;
  bytes: string;
  /** Milliseconds since 1970 need 64 bits. */
  time: string;
  /** An increasing integer key (event order). */
  serial: string;
}

export const SQLITE: Dialect = {
  prefix: "",
  bytes: "BLOB",
  time: "INTEGER",
  serial: "INTEGER PRIMARY KEY AUTOINCREMENT",
};

export const POSTGRES: Dialect = {
  prefix: "vmflow_",
  bytes: "BYTEA",
  time: "BIGINT",
  serial: "BIGSERIAL PRIMARY KEY",
};

/** The statements that create the tables and indexes if they are missing. */
export function schema(d: Dialect): string {
  const { prefix: p, bytes, time } = d;
  return `
CREATE TABLE IF NOT EXISTS ${p}meta (key TEXT PRIMARY KEY, value ${bytes} NOT NULL);
CREATE TABLE IF NOT EXISTS ${p}programs (hash TEXT PRIMARY KEY, filename TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${p}workflows (
  id TEXT PRIMARY KEY, program TEXT NOT NULL, status TEXT NOT NULL, input ${bytes} NOT NULL,
  snapshot ${bytes}, waits TEXT NOT NULL DEFAULT '[]', wake_at ${time}, result ${bytes}, error TEXT,
  created_at ${time} NOT NULL, updated_at ${time} NOT NULL, lease_token TEXT, lease_until ${time},
  activations INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS ${p}workflows_runnable ON ${p}workflows (status, wake_at);
CREATE TABLE IF NOT EXISTS ${p}events (seq ${d.serial}, workflow TEXT NOT NULL,
  name TEXT NOT NULL, payload ${bytes} NOT NULL, sent_at ${time} NOT NULL);
CREATE INDEX IF NOT EXISTS ${p}events_workflow ON ${p}events (workflow, seq);
CREATE TABLE IF NOT EXISTS ${p}steps (workflow TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
  attempts INTEGER NOT NULL, value ${bytes}, error TEXT, PRIMARY KEY (workflow, name));
`;
}
