// One small query interface over both engines: the embedded PGlite and a PostgreSQL server.
// Every query is parameterized ($1, $2…); only migrations run multi-statement SQL text.

/** A value bound to a query parameter. Dates go in as ISO strings, JSON as text cast to jsonb. */
export type SqlValue = string | number | boolean | null

/** Something that runs parameterized queries: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>
  /** Runs a trusted multi-statement script with no parameters: the shipped migration files only. */
  runScript(sql: string): Promise<void>
}

export type EngineKind = 'pglite' | 'postgres'

export interface Database extends Queryable {
  readonly kind: EngineKind
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  /** Closes the engine (PGlite flushes its data folder; the pool ends its connections). */
  close(): Promise<void>
}

/** Where the data lives: a PGlite data folder (or memory for tests) or a PostgreSQL URL. */
export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir: string | null }
  | { readonly kind: 'postgres'; readonly url: string }

/** Opens the engine named by the target (PGlite and pg are loaded only when used). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./postgres.ts')
    return openPostgres(target.url)
  }
  const { openPglite } = await import('./pglite.ts')
  return openPglite(target.dataDir)
}
