import pg from 'pg'
import type { Database, SqlValue } from './database.ts'

/** Opens a connection pool to a PostgreSQL server given as postgres://user:pass@host:port/db. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // Fail at start with the server's own message rather than on the first request.
  const probe = await pool.connect()
  probe.release()
  return {
    kind: 'postgres',
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await pool.query(sql, [...params])
      return result.rows as Row[]
    },
    async runScript(sql: string) {
      await pool.query(sql)
    },
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work({
          async query<Row>(sql: string, params: readonly SqlValue[] = []) {
            return (await client.query(sql, [...params])).rows as Row[]
          },
          async runScript(sql: string) {
            await client.query(sql)
          },
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    close: () => pool.end(),
  }
}
