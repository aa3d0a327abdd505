// npm run server: opens the database (PGlite in DATA_DIR, or DATABASE_URL), applies the
// migrations, and serves the API and the built app on HOST:PORT (127.0.0.1:8080).
import { buildApp } from './app'
import { readConfig } from './config'
import { openDatabase } from './db/database'
import { migrate } from './db/migrate'

const config = readConfig()
const db = await openDatabase(config.database)
const applied = await migrate(db)
const app = await buildApp({
  db, staticDir: config.staticDir, trustProxy: config.trustProxy, cookieSecure: config.cookieSecure, logger: true,
})
const where = config.database.kind === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'
app.log.info(`database: ${where}; migrations applied now: ${applied.length === 0 ? 'none' : applied.join(', ')}`)

let isClosing = false
async function shutdown(signal: string) {
  if (isClosing) return
  isClosing = true
  app.log.info(`${signal}: closing`)
  await app.close()
  // PGlite writes its data folder on close: stop the server before copying the folder.
  await db.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ host: config.host, port: config.port })
