import { PGlite, type Transaction } from '@electric-sql/pglite'
import type { Database, Queryable, SqlValue } from './database.ts'

function wrap(client: PGlite | Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query<Row>(sql, [...params])
      return result.rows
    },
    async runScript(sql: string) {
      await client.exec(sql)
    },
  }
}

/** Opens PGlite on a data folder (created on first use), or in memory when `dataDir` is null. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  const pg = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir)
  const self = wrap(pg)
  return {
    kind: 'pglite',
    query: self.query,
    runScript: self.runScript,
    // PGlite is one connection: its transaction() holds the connection until the work settles,
    // and queries from other requests wait for it.
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  }
}
