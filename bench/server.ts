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
import { bureauDepartment, generateBureauProject, type BureauOptions } from '../mock-data/bureau'
import { buildRoundContent } from '../src/api/roundDocument'
import type { ActionItem } from '../src/domain/meetingActions'
import type { IndicatorNote } from '../src/domain/indicatorNotes'
import type { ProjectData } from '../src/domain/projectData'
import { buildReportedRound } from '../src/domain/reportedRound'
import { DEFAULT_THRESHOLDS, MONTHS, type MonitoringNote } from '../src/domain/types'
import { parseSubmission, SUBMISSION_FORMAT_VERSION } from '../src/schema/submission'

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

const department = (d: number) => bureauDepartment(d)
const GENERATOR: BureauOptions = { seed: 20_260_101, departments: DEPARTMENTS, projectsPerDepartment: PROJECTS, years: [YEAR], throughMonth: 12 }

/**
 * A department's year as the app stores it: PROJECTS projects from the bureau generator (three
 * indicators, every month entered), with a 监控说明 and an indicator note on every fifth project
 * and an 整改 item on every tenth, so the rounds carry each part of the document.
 */
function departmentYear(d: number): { data: ProjectData[]; indicatorNotes: IndicatorNote[]; actions: ActionItem[] } {
  const data: ProjectData[] = []
  const indicatorNotes: IndicatorNote[] = []
  const actions: ActionItem[] = []
  for (let p = 0; p < PROJECTS; p++) {
    const generated = generateBureauProject(GENERATOR, YEAR, d * PROJECTS + p)
    const id = generated.project.id
    const notes: MonitoringNote[] = p % 5 === 0
      ? MONTHS.map((month) => ({ projectId: id, month, reasons: ['funding'], explanation: '部分资金待下半年集中支付。', likelihood: 'possible', actions: '加快支付进度，按月跟踪。' }))
      : []
    data.push({ ...generated, notes })
    if (p % 5 === 0) {
      for (const month of MONTHS) {
        indicatorNotes.push({ indicatorId: `${id}#1`, projectId: id, month, reasons: ['staffing'], likelihood: 'possible', explanation: '人员调整，进度略滞后。', remark: '下月补齐', forecast: null })
      }
    }
    if (p % 10 === 0) {
      actions.push({ id: d * PROJECTS + p + 1, projectId: id, month: 3, text: '制定整改计划，明确责任人和时限', owner: '财务科', dueDate: `${YEAR}-09-30`, status: 'open', closedMonth: null, progress: 'inProgress', completionNote: '', completedOn: '', evidence: '' })
    }
  }
  return { data, indicatorNotes, actions }
}

/**
 * A round document as UTF-8 JSON (held off the JS heap: 1,200 documents of ~0.5 MiB) and where
 * its `content` sits in it (the last key), which the baseline inserts alone.
 */
interface BenchDocument { readonly body: Buffer; readonly contentStart: number }
const contentOf = (doc: BenchDocument) => doc.body.subarray(doc.contentStart, doc.body.length - 1).toString('utf8')

/**
 * The round documents of one department, months 1..ROUNDS, as the app's buildRoundSubmission
 * writes them (format 2: the frozen round through buildReportedRound and buildRoundContent).
 */
function departmentDocuments(d: number): BenchDocument[] {
  const { data, indicatorNotes, actions } = departmentYear(d)
  const { code, name } = department(d)
  return MONTHS.filter((month) => month <= ROUNDS).map((month) => {
    const reportedAt = new Date(Date.UTC(YEAR, month, 5, 2)).toISOString()
    const round = buildReportedRound(data, { year: YEAR, departmentCode: code, month, revision: 1, reportedAt, reportedBy: '财务科' }, DEFAULT_THRESHOLDS, actions)
    const document = { formatVersion: SUBMISSION_FORMAT_VERSION, department: { code, name }, year: YEAR, month, reportedAt, content: buildRoundContent(round, { indicatorNotes, actions: [] }, null) }
    const body = Buffer.from(JSON.stringify(document), 'utf8')
    const contentStart = body.indexOf('"content":') + '"content":'.length
    return { body, contentStart }
  })
}

/** Every department's documents, made before the clock starts; each department's 12月 checked against the shared schema. */
function generateDocuments(): BenchDocument[][] {
  const t0 = performance.now()
  const documents = Array.from({ length: DEPARTMENTS }, (_, d) => {
    const rounds = departmentDocuments(d)
    const last = rounds.at(-1)!
    const parsed = parseSubmission(JSON.parse(last.body.toString('utf8')))
    if (JSON.stringify(JSON.parse(contentOf(last))) !== JSON.stringify((JSON.parse(last.body.toString('utf8')) as { content: unknown }).content)) throw new Error('content slice')
    if (!parsed.ok) throw new Error(`generated document of department ${d} is not valid: ${JSON.stringify(parsed.problems.slice(0, 3))}`)
    return rounds
  })
  const bytes = documents.flat().reduce((sum, doc) => sum + doc.body.length, 0)
  console.log(`Generated ${DEPARTMENTS * ROUNDS} round documents (${PROJECTS} projects each, valid under src/schema/submission.ts) in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(0)} MiB of JSON`)
  return documents
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

async function benchEngine(kind: EngineKind, cluster: Cluster | null, documents: readonly (readonly BenchDocument[])[]) {
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
      await createDepartment(db, { ...department(d), login: `u${d}`, password: `u${d}-password` }, SETUP_PASSWORD_COST)
    }
    // A keep-alive connection the server closed while the event loop was busy (PGlite runs in it)
    // resets on reuse: each request is retried once on a new one, and the resets are counted.
    let resets = 0
    const send = (url: string, init?: RequestInit) => fetch(url, init).catch(() => { resets++; return fetch(url, init) })
    const login = async (loginName: string, password: string) => {
      const response = await send(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) })
      if (response.status !== 200) throw new Error(`login ${loginName}: ${response.status}`)
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!
    }
    const cookies: string[] = []
    for (let d = 0; d < DEPARTMENTS; d++) cookies.push(await login(`u${d}`, `u${d}-password`))
    const bodyBytes = documents[0]!.at(-1)!.body.length
    console.log(`  one round document (${ROUNDS}月): ${(bodyBytes / 1024).toFixed(0)} KiB`)

    const deadline = performance.now() + TIME_LIMIT_MS
    const total = DEPARTMENTS * ROUNDS
    // Department-major order interleaved by month: every department reports round after round.
    const submitRun = await pool(total, CONCURRENCY, deadline, async (i) => {
      const d = i % DEPARTMENTS
      const month = Math.floor(i / DEPARTMENTS) + 1
      const response = await send(`${base}/api/submissions`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[d]! }, body: documents[d]![month - 1]!.body,
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
        [d + 1, YEAR, month, contentOf(documents[d]![month - 1]!)])
    })
    const bareStats = stats(bareRun.latencies, bareRun.wallMs)

    const pullMonth = Math.min(7, ROUNDS)
    const bureau = await login('admin', 'admin-password')
    let pulledBytes = 0
    const pullRun = await pool(PULLS, 1, Number.POSITIVE_INFINITY, async () => {
      const response = await send(`${base}/api/rounds/${YEAR}/${pullMonth}/submissions`, { headers: { cookie: bureau } })
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
    console.log(`  connection resets retried: ${resets}`)
    await app.close()
    return { engine: kind, where, submit: submitStats, resets, bareInsert: bareStats, pull: pullStats, repositoryPull: repositoryStats, bareSelect: selectStats, isCut: submitRun.isCut, pulledBytes }
  } finally {
    await cleanup()
  }
}

const results = []
let cluster: Cluster | null = null
const documents = generateDocuments()
try {
  for (const engine of ENGINES) {
    if (engine === 'postgres') {
      const bin = findPgBin()
      if (!bin) { console.log('\nPostgreSQL not installed: skipping the PostgreSQL run.'); continue }
      cluster = await startCluster(bin)
    }
    results.push(await benchEngine(engine, cluster, documents))
  }
} finally {
  cluster?.stop()
}
mkdirSync('bench/results', { recursive: true })
const file = `bench/results/server-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
writeFileSync(file, JSON.stringify({ departments: DEPARTMENTS, rounds: ROUNDS, projects: PROJECTS, concurrency: CONCURRENCY, results }, null, 2))
console.log(`\nWritten ${file}`)
