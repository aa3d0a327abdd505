/**
 * 拉取本轮报送 in real Chromium (`npx tsx bench/bureauPull.ts [departments] [projects]`): the
 * server on PGlite in a temp folder holds one 7月 submission (format 2, app-shaped content) per
 * department; the bureau logs in, pulls the round into its browser profile and waits for the
 * result. Prints the download + write time and how long 总览 takes to show every project.
 * PULL_SHOTS=dir saves a screenshot while the progress bar is shown, and of 总览 after.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, selectors } from 'playwright-core'
import { buildApp } from '../server/app'
import { createBureauAccount, createDepartment } from '../server/auth/accounts'
import { migrate } from '../server/db/migrate'
import { openPglite } from '../server/db/pglite'
import { findDepartmentByCode } from '../server/repositories/accounts'
import { submitRound } from '../server/review/service'
import type { RoundProject } from '../src/api/roundContent'
import { SUBMISSION_FORMAT_VERSION } from '../src/schema/submission'

selectors.setTestIdAttribute('data-test')
const DEPARTMENTS = Number(process.argv[2] ?? 100)
const PROJECTS = Number(process.argv[3] ?? 100)
const SHOTS = process.env.PULL_SHOTS
const code = (d: number) => `9${String(d).padStart(5, '0')}`

function project(d: number, p: number): RoundProject {
  const spend = Array.from({ length: 7 }, (_, m) => 60_000 + ((p * 7 + m * 13) % 50) * 1000)
  const executed = spend.reduce((a, b) => a + b, 0)
  const budget = 1_000_000 + p * 1000
  const id = `2026/${code(d)}/XM${p}`
  return {
    id, code: `XM${p}`, name: `项目${p + 1}（部门${d + 1}）`,
    budget: { total: budget, fiscal: budget, other: null }, budgetInitial: { total: budget, fiscal: budget, other: null },
    purpose: '', goals: ['完成年度任务'], plan: { 3: 20, 6: 50, 10: 80, 12: 100 },
    monthlySpending: spend, executed, executionRate: (executed / budget) * 100, planned: 57.5, deviation: (executed / budget) * 100 - 57.5,
    isOverBudget: false, status: 'green', likelihood: 'possible', missing: [],
    note: { reasons: ['funding'], explanation: '下半年集中支付。', actions: '', likelihood: 'possible' },
    indicators: [
      { id: `${id}#1`, level1: '产出指标', level2: '数量指标', name: '受理数', target: '≥100件', operator: '>=', targetValue: 100, unit: '件', kind: 'cumulative', monthlyValues: Array.from({ length: 7 }, (_, m) => (p + m) % 12), actual: 40, completion: 40, status: 'yellow', forecast: 70, note: null },
      { id: `${id}#2`, level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥95%', operator: '>=', targetValue: 95, unit: '%', kind: 'level', monthlyValues: [null, null, null, null, null, null, 96], actual: 96, completion: 101, status: 'green', forecast: 96, note: null },
    ],
    actionItems: [],
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bpm-bench-pull-'))
  const db = await openPglite(dataDir)
  await migrate(db)
  await createBureauAccount(db, 'czj-admin', 'bureau-pass-2020', 4)
  const setup = performance.now()
  for (let d = 0; d < DEPARTMENTS; d++) {
    await createDepartment(db, { code: code(d), name: `部门${d + 1}`, login: `dept${d}`, password: 'dept-pass-2020' }, 4)
    const department = (await findDepartmentByCode(db, code(d)))!
    const document = {
      formatVersion: SUBMISSION_FORMAT_VERSION, department: { code: department.code, name: department.name }, year: 2026, month: 7,
      reportedAt: '2026-08-05T02:00:00.000Z',
      content: { asOfMonth: 7, round: { revision: 1, reportedAt: '2026-08-04T02:00:00.000Z', reportedBy: '王会计', thresholds: { yellowFrom: -5, redBelow: -15, levelTolerancePct: 5, mismatchPoints: 10 } }, projects: Array.from({ length: PROJECTS }, (_, p) => project(d, p)) },
    }
    await submitRound(db, { id: 1, login: `dept${d}`, role: 'department', department }, { document: document as never, department, sha256: null, source: 'online' }, new Date())
  }
  console.log(`setup: ${DEPARTMENTS} departments × ${PROJECTS} projects submitted in ${((performance.now() - setup) / 1000).toFixed(1)} s`)
  const app = await buildApp({ db, staticDir: join(import.meta.dirname, '..', 'dist'), passwordCost: 4 })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`
  const profile = await mkdtemp(join(tmpdir(), 'bpm-bench-pull-profile-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })
  try {
    const page = context.pages()[0] ?? await context.newPage()
    await page.goto(`${url}#/login`)
    await page.locator('[data-test="login-name"] input, input[data-test="login-name"]').first().fill('czj-admin')
    await page.locator('[data-test="login-password"] input, input[data-test="login-password"]').first().fill('bureau-pass-2020')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('account-name').waitFor()
    await page.goto(`${url}#/bureau?y=2026`)
    await page.getByTestId('status-900000-7').waitFor({ timeout: 60_000 })
    const t0 = performance.now()
    await page.getByTestId('pull-round').click()
    await page.getByText(/正在写入本机/).waitFor({ timeout: 120_000 })
    console.log(`download (GET /api/rounds/2026/7/submissions) done after ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    if (SHOTS) {
      await mkdir(SHOTS, { recursive: true })
      await page.getByText(/正在写入本机：\d+ \/ \d+ 个部门/).waitFor({ timeout: 120_000 })
      await page.waitForTimeout(1500)
      await page.screenshot({ path: join(SHOTS, 'pull-progress-1366.png') })
      await page.setViewportSize({ width: 390, height: 900 })
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SHOTS, 'pull-progress-390.png') })
      await page.setViewportSize({ width: 1366, height: 900 })
    }
    await page.getByTestId('pull-result').waitFor({ timeout: 600_000 })
    const pulled = performance.now() - t0
    console.log(`pull: ${(pulled / 1000).toFixed(1)} s — ${(await page.getByTestId('pull-result').textContent())?.trim()}`)
    const t1 = performance.now()
    await page.getByTestId('pull-open-overview').click()
    await page.getByText(`共 ${DEPARTMENTS * PROJECTS} 个项目`, { exact: true }).waitFor({ timeout: 300_000 })
    console.log(`总览 of ${DEPARTMENTS * PROJECTS} projects shown in ${((performance.now() - t1) / 1000).toFixed(1)} s`)
    if (SHOTS) {
      await page.waitForTimeout(500)
      await page.screenshot({ path: join(SHOTS, 'overview-many-1366.png') })
      await page.setViewportSize({ width: 390, height: 900 })
      await page.waitForTimeout(300)
      await page.screenshot({ path: join(SHOTS, 'overview-many-390.png') })
    }
  } finally {
    await context.close()
    await app.close()
    await db.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(profile, { recursive: true, force: true })
  }
}

await main()
