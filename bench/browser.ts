/**
 * Real-browser benchmark (`npm run bench:browser [-- --runs N] [-- --smoke]`): the built app
 * (dist/, served by vite preview on 127.0.0.1) in the system Chromium with on-disk profiles,
 * the demo against a generated bureau restored from a backup file through 导入导出, alternating
 * run by run. Prints every figure as demo, large, ratio (medians of N runs, with the longest
 * long task seen during it), restore against raw Dexie bulkAdd, heap after GC and first-route
 * JS. The last line is `worst ratio R (figure), heap max H MB, first route K kB gzip`.
 * --smoke: one run on 500 projects, to check the benchmark itself in under a minute.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core'
import { preview } from 'vite'
import { writeBureauBackup } from '../mock-data/bureauBackup'
import { IN_PAGE_SCRIPT } from './browserInPage'
import { measureFirstRoute } from './firstRoute'
import { formatReport, type Sample } from './browserReport'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 300_000)
// Our components mark what tests look for with data-test="…".
selectors.setTestIdAttribute('data-test')

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, smoke: { type: 'boolean' }, projects: { type: 'string' } } })
const isSmoke = flags.smoke === true
const runs = isSmoke ? 1 : Number(flags.runs ?? 5)
const projects = Number(flags.projects ?? (isSmoke ? 500 : 10_000))
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(projects) || projects < 50 || projects % 50 !== 0) {
  throw new Error('--runs must be ≥ 1 and --projects a multiple of 50')
}

interface Dataset {
  readonly label: string
  readonly profile: string
  readonly year: number
  readonly departmentCode: string
  readonly departmentRows: number
  readonly backupFile: string | null
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ')
const loadAtStart = load()
const work = await mkdtemp(join(tmpdir(), 'bpm-bench-browser-'))
const outDir = resolve(process.env.DIST_DIR ?? 'dist')
const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' })
const origin = server.resolvedUrls?.local[0] ?? ''
const dexieSource = await readFile(resolve('node_modules/dexie/dist/dexie.min.js'), 'utf8')

// The large data: a backup file written as the generator streams it.
const backupFile = join(work, `bureau-${projects}.json`)
const out = createWriteStream(backupFile)
const counts = await writeBureauBackup(
  { seed: 20_240_731, departments: projects / 50, projectsPerDepartment: 50, years: [2024], throughMonth: 7 },
  async (chunk) => {
    if (!out.write(chunk)) await once(out, 'drain')
  },
)
out.end()
await once(out, 'finish')

const demo: Dataset = { label: 'demo', profile: join(work, 'profile-demo'), year: 2020, departmentCode: '315002', departmentRows: 5, backupFile: null }
const large: Dataset = { label: `${projects / 1000}k`, profile: join(work, 'profile-large'), year: 2024, departmentCode: '400001', departmentRows: 50, backupFile }

const contexts: BrowserContext[] = []

async function launch(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    // Only so the benchmark can add Dexie to the page for the raw bulkAdd baseline.
    bypassCSP: true,
  })
  await context.addInitScript(IN_PAGE_SCRIPT)
  contexts.push(context)
  context.on('close', () => contexts.splice(contexts.indexOf(context), 1))
  return context
}

async function openPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage()
  page.on('dialog', (dialog) => void dialog.accept())
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  await page.goto(`${origin}#${path}`)
  return page
}

/** Waits for a condition armed before `action`; returns [start, end] on the page's clock. */
async function timed(page: Page, condition: string, arg: unknown, action: () => Promise<number | 'click' | 'keydown'>): Promise<[number, number]> {
  await page.evaluate(([name, value, timeout]) => window.__bench.arm(name, value, timeout), [condition, arg, TIMEOUT] as const)
  const started = await action()
  const end = await page.evaluate(() => window.__bench.pending)
  const start = typeof started === 'number' ? started : await page.evaluate((type) => window.__bench.input[type], started)
  return [start, end]
}

/** Navigates inside the app (the router follows the hash) and returns when it started. */
const goTo = (page: Page, path: string) => () => page.evaluate((hash) => {
  const start = performance.now()
  location.hash = hash
  return start
}, path)

const longest = (page: Page, [start, end]: [number, number]) => page.evaluate(([from, to]) => window.__bench.longest(from, to), [start, end] as const)

async function heapAfterGc(page: Page): Promise<{ heapMb: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0
  return { heapMb: metric('JSHeapUsedSize') / 1e6, nodes: metric('Nodes') }
}

async function dismissActorPrompt(page: Page): Promise<void> {
  const input = page.getByTestId('actor-input')
  if (await input.isVisible()) {
    await input.fill('基准测试')
    await page.getByTestId('actor-save').click()
    await input.waitFor({ state: 'hidden' })
  }
}

/** Types a new value into the first row's spending of the month; returns after Enter is pressed. */
async function typeSpending(page: Page): Promise<void> {
  const cell = page.locator('input[data-pos="0:0"]')
  const next = (await cell.inputValue()) === '0.02' ? '0.01' : '0.02'
  await cell.click()
  // A click puts the caret where it lands; select the old value so typing replaces it.
  await page.keyboard.press('Control+A')
  await page.keyboard.type(next)
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor({ timeout: TIMEOUT })
}

/** Restores the dataset's backup file through 导入导出 → 从备份恢复; returns how long it took and its longest task. */
async function restore(page: Page, file: string, samples: Sample[]): Promise<{ ms: number; longest: number }> {
  await page.evaluate(() => (location.hash = '#/data'))
  await page.getByTestId('restore-file-input').setInputFiles(file)
  await page.getByTestId('restore-review').waitFor({ timeout: TIMEOUT })
  await page.getByTestId('restore-understood').click()
  const span = await timed(page, 'restored', null, async () => {
    await page.getByTestId('restore-confirm').click()
    return 'click' as const
  })
  const timedRestore = { ms: span[1] - span[0], longest: await longest(page, span) }
  samples.push({ figure: 'heap after restore', value: (await heapAfterGc(page)).heapMb, longest: 0 })
  return timedRestore
}

/**
 * The baseline of the restore: raw Dexie bulkAdd of the same rows into a scratch database in the
 * same page, as rows/s of both. Run after the run's other figures: it reads every row into the
 * page and writes and deletes a second copy of them, which the figures after it paid for (the
 * browser compacting its IndexedDB files, a heap of garbage) though no user ever does it.
 */
async function restoreAgainstRaw(page: Page, restored: { ms: number; longest: number }, samples: Sample[]): Promise<void> {
  // On the page the restore ran on, as it did.
  await page.evaluate(() => (location.hash = '#/data'))
  await page.getByTestId('restore-file-input').waitFor({ state: 'attached', timeout: TIMEOUT })
  await page.addScriptTag({ content: dexieSource })
  const raw = await page.evaluate(() => window.__bench.rawBulkAdd())
  samples.push({ figure: 'restore', value: raw.rows / (restored.ms / 1000), longest: restored.longest })
  samples.push({ figure: 'raw bulkAdd', value: raw.rows / (raw.ms / 1000), longest: raw.longest })
}

/** One run of every figure on one dataset, in a freshly launched browser on its profile. */
async function runDataset(data: Dataset): Promise<Sample[]> {
  const samples: Sample[] = []
  const add = async (figure: string, page: Page, span: [number, number]) => {
    samples.push({ figure, value: span[1] - span[0], longest: await longest(page, span) })
  }
  const context = await launch(data.profile)
  const page = await openPage(context, '/settings')
  await page.getByRole('heading', { name: '设置' }).first().waitFor({ timeout: TIMEOUT })
  const restored = data.backupFile === null ? null : await restore(page, data.backupFile, samples)
  const scope = `y=${data.year}&m=7`

  await add('open 总览', page, await timed(page, 'overview', null, goTo(page, `/?${scope}`)))
  const rate = await page.getByTestId('total-rate').textContent()
  await page.getByTestId('month-select').click()
  const option = page.getByRole('option', { name: '6月底', exact: true })
  await option.waitFor()
  const click = (target: { click(): Promise<void> }) => async () => {
    await target.click()
    return 'click' as const
  }
  await add('month change', page, await timed(page, 'changed', ['[data-test="total-rate"]', rate], click(option)))
  await add('project page', page, await timed(page, 'charts', null, click(page.getByTestId('project-link').first())))
  await add('会议', page, await timed(page, 'agenda', null, goTo(page, `/meeting?${scope}`)))
  const heap = await heapAfterGc(page)
  samples.push({ figure: 'heap after 会议', value: heap.heapMb, longest: 0 }, { figure: 'DOM nodes after 会议', value: heap.nodes, longest: 0 })

  await add('录入 one department', page, await timed(page, 'entry', data.departmentRows, goTo(page, `/entry?y=${data.year}&d=${data.departmentCode}&m=7`)))
  await dismissActorPrompt(page)

  // A second tab on the overview of all departments sees the typed value.
  const other = await openPage(context, `/?${scope}`)
  await other.evaluate(([timeout]) => window.__bench.arm('overview', null, timeout), [TIMEOUT] as const)
  await other.evaluate(() => window.__bench.pending)
  const executed = await other.getByTestId('total-executed').textContent()
  await other.evaluate(([text, timeout]) => window.__bench.arm('changed', ['[data-test="total-executed"]', text], timeout), [executed, TIMEOUT] as const)
  await page.bringToFront()
  await typeSpending(page)
  await page.keyboard.press('Enter')
  const seenAt = await other.evaluate(async () => performance.timeOrigin + (await window.__bench.pending))
  const pressedAt = await page.evaluate(() => performance.timeOrigin + window.__bench.input.keydown)
  const tasks = await Promise.all(
    [page, other].map((tab) => tab.evaluate(([from, to]) => window.__bench.longest(from - performance.timeOrigin, to - performance.timeOrigin), [pressedAt, seenAt] as const)),
  )
  samples.push({ figure: 'typed → open 总览 tab', value: seenAt - pressedAt, longest: Math.max(...tasks) })
  await waitSaved(page)
  await other.close()

  await typeSpending(page)
  await page.keyboard.press('Enter')
  await waitSaved(page)
  await add('return to 总览 after typing', page, await timed(page, 'overview', null, goTo(page, `/?${scope}`)))
  samples.push({ figure: 'heap at the end', value: (await heapAfterGc(page)).heapMb, longest: 0 })
  if (restored !== null) await restoreAgainstRaw(page, restored, samples)
  await context.close()
  return samples
}

/** On failure, screenshots of every open tab (to the temp dir's parent) say where it stopped. */
async function withScreenshots(data: Dataset, run: (data: Dataset) => Promise<Sample[]>): Promise<Sample[]> {
  try {
    return await run(data)
  } catch (error) {
    const pages = contexts.flatMap((context) => context.pages())
    for (const [i, page] of pages.entries()) await page.screenshot({ path: join(tmpdir(), `bpm-bench-failure-${data.label}-${i}.png`) }).catch(() => undefined)
    throw error
  }
}

async function prepare(data: Dataset): Promise<void> {
  // First start: the app loads its demo into the fresh profile.
  const context = await launch(data.profile)
  const page = await openPage(context, '/')
  await page.locator('[data-test="project-table"] tbody tr').first().waitFor({ timeout: TIMEOUT })
  await context.close()
}

try {
  const firstRoute = await measureFirstRoute(origin, runs)
  await prepare(demo)
  await prepare(large)
  const demoRuns: Sample[][] = []
  const largeRuns: Sample[][] = []
  for (let run = 0; run < runs; run++) {
    demoRuns.push(await withScreenshots(demo, runDataset))
    largeRuns.push(await withScreenshots(large, runDataset))
    process.stderr.write(`run ${run + 1}/${runs} done (load ${load()})\n`)
  }
  console.log(
    formatReport({
      runs,
      large: { label: large.label, ...counts },
      demoRuns,
      largeRuns,
      firstRoute,
      machine: `${cpus().length} cores, load average ${loadAtStart} at start, ${load()} at end`,
    }),
  )
} finally {
  await server.close()
  await rm(work, { recursive: true, force: true })
}
