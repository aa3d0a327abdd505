// Shared setup of the server tests: a fresh database on each engine, the app on it with a
// settable clock, and helpers to log in and submit as a user would.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest'
import { buildApp, type AppOptions } from '../../server/app'
import { createBureauAccount } from '../../server/auth/accounts'
import type { Database, EngineKind } from '../../server/db/database'
import { openPglite } from '../../server/db/pglite'
import { openPostgres } from '../../server/db/postgres'
import { migrate } from '../../server/db/migrate'

/** The engines the server tests run on: PGlite always, PostgreSQL when the cluster started. */
export const ENGINES: EngineKind[] = inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite']

/** Low bcrypt cost: the tests check behaviour, not hashing time. */
export const TEST_PASSWORD_COST = 4

export interface TestDatabase {
  readonly db: Database
  /** Empties every table (between tests). */
  reset(): Promise<void>
  close(): Promise<void>
}

/** A new, migrated, empty database on the engine (a PGlite in memory, or a new PostgreSQL database). */
export async function openTestDatabase(kind: EngineKind): Promise<TestDatabase> {
  let db: Database
  let drop = async () => undefined as void
  if (kind === 'pglite') {
    db = await openPglite(null)
  } else {
    const adminUrl = inject('postgresUrl')
    if (!adminUrl) throw new Error('PostgreSQL cluster not started')
    const name = `test_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    db = await openPostgres(adminUrl.replace(/\/postgres$/, `/${name}`))
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      // The pool's clients may still be saying goodbye; a forced drop would kill them
      // mid-way and their error would surface in whichever test runs next.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])
        if (rows[0].n === 0) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    }
  }
  await migrate(db)
  return {
    db,
    async reset() {
      await db.query(`TRUNCATE review_actions, inquiries, submissions, rounds, login_failures, sessions, accounts, departments RESTART IDENTITY CASCADE`)
    },
    async close() {
      await db.close()
      await drop()
    },
  }
}

/** A settable clock for the app. */
export function makeClock(start = '2026-08-05T02:00:00.000Z') {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (iso: string) => { current = new Date(iso) },
    advanceSeconds: (seconds: number) => { current = new Date(current.getTime() + seconds * 1000) },
  }
}

export interface Harness {
  readonly app: FastifyInstance
  readonly clock: ReturnType<typeof makeClock>
  /** Logs in and returns the session cookie header value. */
  login(login: string, password: string): Promise<string>
  /** A request with an optional session cookie and JSON body. */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options?: { cookie?: string; body?: unknown }): Promise<LightMyRequestResponse>
  /** Creates the bureau admin (admin / admin-password) and logs in. */
  bureau(): Promise<string>
  /** Creates a department with its login (password = login + '-password') and logs it in. */
  department(code: string, name?: string): Promise<string>
}

/** Builds the app on a test database with a test clock. */
export async function startHarness(test: TestDatabase, options: Partial<AppOptions> = {}): Promise<Harness> {
  const clock = makeClock()
  const app = await buildApp({ db: test.db, now: clock.now, passwordCost: TEST_PASSWORD_COST, ...options })
  let bureauCookie: string | null = null
  const harness: Harness = {
    app,
    clock,
    async login(login, password) {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { login, password } })
      if (response.statusCode !== 200) throw new Error(`login ${login} failed: ${response.statusCode} ${response.body}`)
      const cookie = response.cookies.find((c) => c.name === 'bpm_session')
      return `bpm_session=${cookie?.value}`
    },
    call(method, url, { cookie, body } = {}) {
      return app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(body === undefined ? {} : { payload: body as object }) })
    },
    async bureau() {
      if (bureauCookie) return bureauCookie
      await createBureauAccount(test.db, 'admin', 'admin-password', TEST_PASSWORD_COST)
      bureauCookie = await harness.login('admin', 'admin-password')
      return bureauCookie
    },
    async department(code, name = `部门${code}`) {
      const admin = await harness.bureau()
      const login = `d${code}`
      const response = await harness.call('POST', '/api/departments', { cookie: admin, body: { code, name, login, password: `${login}-password` } })
      if (response.statusCode !== 201) throw new Error(`create department failed: ${response.body}`)
      return harness.login(login, `${login}-password`)
    },
  }
  return harness
}

/** What a suite's test works with: its database, the app on it, and two users logged in. */
export interface LoggedInServer {
  readonly test: TestDatabase
  readonly h: Harness
  /** The bureau administrator's session cookie. */
  readonly bureau: string
  /** Department 315002's session cookie. */
  readonly department: string
}

/**
 * For the enclosing describe: a database on the engine, and before each test an emptied one
 * with the app started on it (with `options`), the bureau and department 315002 logged in,
 * handed to `ready`; the app is closed after each test.
 */
export function useLoggedInServer(engine: EngineKind, options: Partial<AppOptions>, ready: (server: LoggedInServer) => void): void {
  let test: TestDatabase
  let h: Harness | null = null
  beforeAll(async () => { test = await openTestDatabase(engine) })
  afterAll(async () => { await test.close() })
  beforeEach(async () => {
    await test.reset()
    h = await startHarness(test, options)
    ready({ test, h, bureau: await h.bureau(), department: await h.department('315002') })
  })
  afterEach(async () => {
    await h?.app.close()
    h = null
  })
}

/** A valid round document for a department (two projects, the first with two indicators). */
export function roundDocument(code: string, year = 2026, month = 7, overrides: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    department: { code, name: `部门${code}` },
    year,
    month,
    reportedAt: '2026-08-05T10:30:00+08:00',
    content: {
      projects: [
        { id: 'p-legal-aid', name: '法律援助经费', budgetFen: 300000, spentFen: 150000, indicators: [{ id: 'i-cases', name: '法律援助案件受理数', value: 60 }, { id: 'i-satisfaction', name: '满意度', value: 97 }] },
        { id: 'p-mediation', name: '人民调解员补贴', budgetFen: 500000, spentFen: 200000, indicators: [] },
      ],
    },
    ...overrides,
  }
}
