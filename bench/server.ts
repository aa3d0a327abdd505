/**
 * Server load run: `npm run bench:server`. On 127.0.0.1 only, bounded in count and time:
 * DEPARTMENTS departments × ROUNDS rounds × PROJECTS projects submitted over HTTP, then the
 * bureau pulling one round of every department. Each figure comes with a baseline measured in the
 * same run on the same rows (a bare INSERT / SELECT through the same engine, no HTTP, no checks),
 * on PGlite (a temp data folder) and on PostgreSQL (a throwaway cluster, when installed).
 *
 * Env: BENCH_DEPARTMENTS (100), BENCH_ROUNDS (12), BENCH_PROJECTS (200), BENCH_CONCURRENCY (8),
 * BENCH_PULLS (5), BENCH_TIME_LIMIT_S (600 per engine), BENCH_ENGINES (pglite,postgres).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { buildApp } from '../server/app'
import { createBureauAccount, createDepartment } from '../server/auth/accounts'
import type { Database, EngineKind } from '../server/db/database'
import { migrate } from '../server/db/migrate'
import { openPglite } from '../server/db/pglite'
import { openPostgres } from '../server/db/postgres'
import { listLatestForRound } from '../server/repositories/submissions'
import { findPgBin, startCluster, type Cluster } from '../tests/server/cluster'

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const DEPARTMENTS = env('BENCH_DEPARTMENTS', 100)
const ROUNDS = Math.min(12, env('BENCH_ROUNDS', 12))
const PROJECTS = env('BENCH_PROJECTS', 200)
const CONCURRENCY = env('BENCH_CONCURRENCY', 8)
const PULLS = env('BENCH_PULLS', 5)
const TIME_LIMIT_MS = env('BENCH_TIME_LIMIT_S', 600) * 1000
const ENGINES = (process.env['BENCH_ENGINES'] ?? 'pglite,postgres').split(',') as EngineKind[]
const YEAR = 2026
// Setup only (accounts are created before the clock starts): a low bcrypt cost.
const SETUP_PASSWORD_COST = 4

const code = (d: number) => `9${String(d).padStart(5, '0')}`

/** A round document shaped like the app's: projects with budget, monthly spending and indicators. */
function roundDocument(d: number, month: number) {
  const projects = Array.from({ length: PROJECTS }, (_, p) => ({
    id: `p-${d}-${p}`,
    code: `${code(d)}-XM-${String(p).padStart(4, '0')}`,
    name: `项目${p + 1}（部门${d + 1}）`,
    budget: { initialFen: 1_000_000 + p * 1000, adjustedFen: 1_000_000 + p * 1000 },
    spendingFen: Array.from({ length: month }, (_, m) => 60_000 + ((p * 7 + m * 13) % 50) * 1000),
    indicators: [
      { id: `i-${p}-1`, name: '受理数', target: '≥100件', values: Array.from({ length: month }, (_, m) => (p + m) % 12) },
      { id: `i-${p}-2`, name: '满意度', target: '≥95%', values: [94 + ((p + month) % 6)] },
      { id: `i-${p}-3`, name: '按时完成率', target: '=100%', values: [100] },
    ],
    note: { reasons: ['经费保障'], likelihood: '有可能', explanation: '下半年集中支付。' },
  }))
  return {
    formatVersion: 1,
    department: { code: code(d), name: `部门${d + 1}` },
    year: YEAR,
    month,
    reportedAt: `${YEAR}-${String(Math.min(12, month + 1)).padStart(2, '0')}-05T10:00:00+08:00`,
    content: { projects },
  }
}

interface Stats { count: number; seconds: number; perSecond: number; p50: number; p95: number; max: number }

function stats(latencies: number[], wallMs: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { count: sorted.length, seconds: wallMs / 1000, perSecond: sorted.length / (wallMs / 1000), p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 }
}

/** Runs `task(i)` for i < count with `concurrency` in flight; stops starting new ones after `deadline`. */
async function pool(count: number, concurrency: number, deadline: number, task: (i: number) => Promise<void>): Promise<{ latencies: number[]; wallMs: number; isCut: boolean }> {
  const latencies: number[] = []
  let next = 0
  let isCut = false
  const start = performance.now()
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      if (performance.now() > deadline) { isCut = true; return }
      const i = next++
      const t0 = performance.now()
      await task(i)
      latencies.push(performance.now() - t0)
    }
  }))
  return { latencies, wallMs: performance.now() - start, isCut }
}

function line(label: string, s: Stats, unit: string) {
  console.log(`  ${label.padEnd(44)} ${String(s.count).padStart(5)} in ${s.seconds.toFixed(1).padStart(6)} s  ${s.perSecond.toFixed(1).padStart(7)} ${unit}/s  p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms`)
}

async function openEngine(kind: EngineKind, cluster: Cluster | null): Promise<{ db: Database; cleanup: () => Promise<void>; where: string }> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bpm-bench-pglite-'))
    const db = await openPglite(dir)
    return { db, where: `PGlite, data folder ${dir}`, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }) } }
  }
  const admin = new pg.Client({ connectionString: cluster!.url })
  await admin.connect()
  await admin.query('CREATE DATABASE bench')
  await admin.end()
  const db = await openPostgres(cluster!.url.replace(/\/postgres$/, '/bench'))
  return { db, where: 'PostgreSQL (throwaway cluster, fsync off)', cleanup: () => db.close() }
}

async function benchEngine(kind: EngineKind, cluster: Cluster | null) {
  const { db, cleanup, where } = await openEngine(kind, cluster)
  try {
    await migrate(db)
    const app = await buildApp({ db, passwordCost: SETUP_PASSWORD_COST, loginRateLimit: { max: 100_000, timeWindowMs: 60_000 } })
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    console.log(`\n${where} — ${DEPARTMENTS} departments × ${ROUNDS} rounds × ${PROJECTS} projects, ${CONCURRENCY} in flight, ${base}`)

    await createBureauAccount(db, 'admin', 'admin-password', SETUP_PASSWORD_COST)
    for (let d = 0; d < DEPARTMENTS; d++) {
      await createDepartment(db, { code: code(d), name: `部门${d + 1}`, login: `u${d}`, password: `u${d}-password` }, SETUP_PASSWORD_COST)
    }
    const login = async (loginName: string, password: string) => {
      const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) })
      if (response.status !== 200) throw new Error(`login ${loginName}: ${response.status}`)
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!
    }
    const cookies: string[] = []
    for (let d = 0; d < DEPARTMENTS; d++) cookies.push(await login(`u${d}`, `u${d}-password`))
    const bodyBytes = Buffer.byteLength(JSON.stringify(roundDocument(0, 12)))
    console.log(`  one round document (12月): ${(bodyBytes / 1024).toFixed(0)} KiB`)

    const deadline = performance.now() + TIME_LIMIT_MS
    const total = DEPARTMENTS * ROUNDS
    // Department-major order interleaved by month: every department reports round after round.
    const submitRun = await pool(total, CONCURRENCY, deadline, async (i) => {
      const d = i % DEPARTMENTS
      const month = Math.floor(i / DEPARTMENTS) + 1
      const response = await fetch(`${base}/api/submissions`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[d]! }, body: JSON.stringify(roundDocument(d, month)),
      })
      if (response.status !== 201) throw new Error(`submit ${d}/${month}: ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
    })
    const submitStats = stats(submitRun.latencies, submitRun.wallMs)

    // Baseline: the same rows (document content as jsonb) inserted bare through the same engine.
    await db.query('CREATE TABLE bench_bare_insert (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, department_id integer, year integer, month integer, content jsonb)')
    const bareRun = await pool(submitStats.count, CONCURRENCY, Number.POSITIVE_INFINITY, async (i) => {
      const d = i % DEPARTMENTS
      const month = Math.floor(i / DEPARTMENTS) + 1
      await db.query('INSERT INTO bench_bare_insert (department_id, year, month, content) VALUES ($1, $2, $3, $4::jsonb)',
        [d + 1, YEAR, month, JSON.stringify(roundDocument(d, month).content)])
    })
    const bareStats = stats(bareRun.latencies, bareRun.wallMs)

    const pullMonth = Math.min(7, ROUNDS)
    const bureau = await login('admin', 'admin-password')
    let pulledBytes = 0
    const pullRun = await pool(PULLS, 1, Number.POSITIVE_INFINITY, async () => {
      const response = await fetch(`${base}/api/rounds/${YEAR}/${pullMonth}/submissions`, { headers: { cookie: bureau } })
      const body = await response.arrayBuffer()
      pulledBytes = body.byteLength
      const count = (JSON.parse(Buffer.from(body).toString('utf8')) as { submissions: unknown[] }).submissions.length
      if (count !== DEPARTMENTS) throw new Error(`pull returned ${count} departments`)
    })
    const pullStats = stats(pullRun.latencies, pullRun.wallMs)
    const selectRun = await pool(PULLS, 1, Number.POSITIVE_INFINITY, async () => {
      await db.query('SELECT id, department_id, content FROM bench_bare_insert WHERE year = $1 AND month = $2', [YEAR, pullMonth])
    })
    const selectStats = stats(selectRun.latencies, selectRun.wallMs)
    const repositoryRun = await pool(PULLS, 1, Number.POSITIVE_INFINITY, async () => { await listLatestForRound(db, YEAR, pullMonth) })
    const repositoryStats = stats(repositoryRun.latencies, repositoryRun.wallMs)

    console.log(`  Submissions${submitRun.isCut ? ` (CUT at the time limit: ${submitStats.count} of ${total})` : ''}`)
    line('POST /api/submissions (HTTP, auth, schema, tx)', submitStats, 'rounds')
    line('baseline: bare INSERT of the same rows', bareStats, 'rounds')
    console.log(`  ${'→ projects submitted per second'.padEnd(44)} ${(submitStats.perSecond * PROJECTS).toFixed(0)} (baseline ${(bareStats.perSecond * PROJECTS).toFixed(0)}); throughput ${(bareStats.perSecond / submitStats.perSecond).toFixed(1)}× below baseline, p50 ${(submitStats.p50 / bareStats.p50).toFixed(1)}×`)
    console.log(`  Bureau pulls round ${pullMonth}月 of all ${DEPARTMENTS} departments (${(pulledBytes / 1024 / 1024).toFixed(1)} MiB JSON), ${PULLS} times`)
    line('GET /api/rounds/:y/:m/submissions (HTTP)', pullStats, 'pulls')
    line('repository query (latest revisions, no HTTP)', repositoryStats, 'pulls')
    line('baseline: bare SELECT of the same rows', selectStats, 'pulls')
    await app.close()
    return { engine: kind, where, submit: submitStats, bareInsert: bareStats, pull: pullStats, repositoryPull: repositoryStats, bareSelect: selectStats, isCut: submitRun.isCut, pulledBytes }
  } finally {
    await cleanup()
  }
}

const results = []
let cluster: Cluster | null = null
try {
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      const bin = findPgBin()
      if (!bin) { console.log('\nPostgreSQL not installed: skipping the PostgreSQL run.'); continue }
      cluster = await startCluster(bin)
    }
    results.push(await benchEngine(engine, cluster))
  }
} finally {
  cluster?.stop()
}
mkdirSync('bench/results', { recursive: true })
const file = `bench/results/server-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
writeFileSync(file, JSON.stringify({ departments: DEPARTMENTS, rounds: ROUNDS, projects: PROJECTS, concurrency: CONCURRENCY, results }, null, 2))
console.log(`\nWritten ${file}`)
