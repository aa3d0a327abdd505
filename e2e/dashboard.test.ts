import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { DEMO_SPENDING } from '../mock-data/demoActuals'
import { openPage, pageErrors, startAppForSuite } from './support'

/** The seed's budgets (万元) and spending plans (3/6/10/12月底 %, null = blank), as printed. */
const SEED = {
  '315-0404-JBN-FLC6': { budget: '3.00', plan: [20, 50, 75, 100] },
  '315-0403-JBN-QFV8': { budget: '4.00', plan: [10, 40, 80, 100] },
  '315-0403-JBN-D7U5': { budget: '6.30', plan: [null, null, null, 100] },
  '315-0403-JBN-RY3P': { budget: '5.75', plan: [25, 55, 75, 100] },
  '315-0401-JBN-GH9H': { budget: '2.00', plan: [20, 50, 75, 100] },
} as const
type Code = keyof typeof SEED

const toFen = (wan: string) => Math.round(Number(wan) * 100) * 10_000

/** 执行率 in % (unrounded), from the demo's 万元 text in integer 分. */
function rateOf(code: Code, month: number): number {
  const row = DEMO_SPENDING.find((s) => s.projectCode === code)
  assert.ok(row)
  const spent = row.monthly.slice(0, month).reduce((sum, text) => sum + (text === null ? 0 : toFen(text)), 0)
  return (spent / toFen(SEED[code].budget)) * 100
}

/** P(m) by hand: linear between 0 and the filled checkpoints. */
function plannedOf(code: Code, m: number): number {
  const points: [number, number][] = [[0, 0]]
  SEED[code].plan.forEach((v, i) => v !== null && points.push([[3, 6, 10, 12][i]!, v]))
  const end = points.findIndex(([month]) => month >= m)
  const [m0, v0] = points[end - 1]!
  const [m1, v1] = points[end]!
  return v0 + ((v1 - v0) * (m - m0)) / (m1 - m0)
}

const pct = (value: number) => `${value.toFixed(1)}%`

async function rowCodes(page: Page): Promise<string[]> {
  return page.locator('[data-test="project-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-project') ?? ''))
}

/** Share of non-white pixels in the first canvas inside a chart. */
async function inkShare(page: Page, testId: string): Promise<number> {
  const canvas = page.locator(`[data-test="${testId}"] canvas`).first()
  await canvas.waitFor()
  await page.waitForTimeout(800) // let the chart animation finish
  return canvas.evaluate((node) => {
    // e2e is typed without the DOM library: describe the little of a canvas used here.
    type Canvas2d = { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
    const c = node as unknown as { width: number; height: number; getContext(kind: '2d'): Canvas2d | null }
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data
    if (!data) return 0
    let ink = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) ink++
    return ink / (data.length / 4)
  })
}

describe('dashboard journey on the demo department', () => {
  const app = startAppForSuite()

  it('shows lagging projects first at 7月, opens a project chart, switches to 3月 and round-trips the URL', async () => {
    const page = await openPage(app)
    const rows = page.locator('[data-test="project-table"] tbody tr')
    await rows.nth(4).waitFor()

    // Expected order from the demo numbers: 红 (D < −15), then 黄, then 绿; worst deviation first.
    // 社区矫正经费 is 黄 through its lagging 宣传场次 although its spending is on plan.
    const deviation = (code: Code) => rateOf(code, 7) - plannedOf(code, 7)
    assert.ok(deviation('315-0403-JBN-QFV8') < -15 && deviation('315-0401-JBN-GH9H') < -15)
    assert.ok(deviation('315-0403-JBN-D7U5') < -5 && deviation('315-0403-JBN-D7U5') >= -15)
    assert.ok(deviation('315-0404-JBN-FLC6') >= -5)
    const expectedOrder: Code[] = ['315-0403-JBN-QFV8', '315-0401-JBN-GH9H', '315-0403-JBN-D7U5', '315-0403-JBN-RY3P', '315-0404-JBN-FLC6']
    assert.deepEqual(await rowCodes(page), expectedOrder)
    const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-test="status"]')?.textContent?.trim()))
    assert.deepEqual(statuses, ['▼ 红·滞后', '▼ 红·滞后', '◆ 黄·关注', '◆ 黄·关注', '● 绿·正常'])
    for (const code of expectedOrder) {
      const row = page.locator(`tr[data-project="${code}"]`)
      assert.equal((await row.getByTestId('rate').textContent())?.trim(), pct(rateOf(code, 7)), code)
    }
    const statusCounts = await page.getByTestId('status-counts').textContent()
    assert.match(statusCounts ?? '', /红·滞后\s*2.*黄·关注\s*2.*绿·正常\s*1/s)
    // −10.4 points is 黄 by the default thresholds, and every project reported 7月.
    assert.equal(await page.getByTestId('total-deviation').textContent(), '−10.4')
    assert.equal(await page.getByTestId('deviation-card').getAttribute('data-status'), 'yellow')
    assert.equal(await page.getByTestId('rate-coverage').count(), 0)
    assert.equal((await page.getByTestId('filter-unreported').textContent())?.replace(/\s+/g, ''), '未填报项目0')
    assert.equal(await page.getByTestId('unreported-indicators').textContent(), '2')
    // The comparison chart (lazy-loaded) draws.
    assert.ok((await inkShare(page, 'chart-project-comparison')) > 0.02, 'comparison chart is not blank')

    // Open the worst project: its curve is drawn and its figures match.
    await page.locator('tr[data-project="315-0403-JBN-QFV8"] [data-test="project-link"]').click()
    await page.waitForURL(/#\/project\/.*m=7/)
    await page.getByTestId('project-name').waitFor()
    assert.equal(await page.getByTestId('project-name').textContent(), '法制工作专项经费')
    assert.equal((await page.locator('.deviation-panel [data-test="rate"]').textContent())?.trim(), pct(rateOf('315-0403-JBN-QFV8', 7)))
    assert.ok((await inkShare(page, 'chart-spend-curve')) > 0.03, 'spend curve canvas is not blank')
    assert.ok((await inkShare(page, 'chart-indicator-targets')) > 0.02, 'indicator chart is not blank')
    assert.match((await page.getByTestId('project-note').textContent()) ?? '', /合同未签订/)

    // Back keeps the selections; then switch to 3月.
    await page.getByTestId('back-to-overview').click()
    await rows.nth(4).waitFor()
    assert.match(page.url(), /m=7/)
    const rateAt7 = await page.getByTestId('total-rate').textContent()
    await page.getByTestId('month-select').click()
    await page.getByRole('option', { name: '3月底', exact: true }).click()
    await page.waitForURL(/m=3/)
    for (let i = 0; i < 50 && (await page.getByTestId('total-rate').textContent()) === rateAt7; i++) await page.waitForTimeout(100)
    assert.notEqual(await page.getByTestId('total-rate').textContent(), rateAt7, 'the figures change with the month')
    const legalAid = page.locator('tr[data-project="315-0404-JBN-FLC6"]')
    assert.equal((await legalAid.getByTestId('rate').textContent())?.trim(), pct(rateOf('315-0404-JBN-FLC6', 3)))
    assert.equal((await legalAid.getByTestId('planned').textContent())?.trim(), '20.0%')

    // Filter to 黄 (at 3月 nothing is 红 yet) and reload: the URL carries month and filter.
    await page.getByTestId('filter-yellow').click()
    await page.waitForURL(/st=yellow/)
    const url = page.url()
    await page.reload()
    await rows.first().waitFor()
    assert.equal(page.url(), url)
    const yellowAt3 = await rowCodes(page)
    assert.ok(yellowAt3.length > 0 && yellowAt3.length < 5)
    assert.equal(await page.getByTestId('filter-yellow').getAttribute('aria-pressed'), 'true')
    assert.deepEqual(pageErrors(page), [])

    // The same link in a fresh browser context shows the same view.
    const other = await openPage(app, url.slice(url.indexOf('#') + 1))
    await other.locator('[data-test="project-table"] tbody tr').first().waitFor()
    assert.deepEqual(await rowCodes(other), yellowAt3)
    assert.equal(await other.getByTestId('total-rate').textContent(), await page.getByTestId('total-rate').textContent())
    await other.context().close()
    await page.context().close()
  })

  it('shows the department curve and status mix', async () => {
    const page = await openPage(app, '/department?m=7')
    await page.getByTestId('status-history-table').waitFor()
    assert.ok((await inkShare(page, 'chart-spend-curve')) > 0.03)
    assert.ok((await inkShare(page, 'chart-status-history')) > 0.03)
    const redRow = page.locator('[data-test="status-history-table"] tr[data-status="red"] td')
    assert.equal((await redRow.last().textContent())?.trim(), '2')
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })

  it('at 8月, before anyone reports it, keeps 1–7月 执行数 and says the rate has no base yet', async () => {
    // The rule change: a blank month is not 0, so the department rate covers only reporters.
    const page = await openPage(app, '/department?m=8')
    await page.getByTestId('status-history-table').waitFor()
    const executed = (['315-0404-JBN-FLC6', '315-0403-JBN-QFV8', '315-0403-JBN-D7U5', '315-0403-JBN-RY3P', '315-0401-JBN-GH9H'] as Code[])
      .map((code) => (rateOf(code, 7) * toFen(SEED[code].budget)) / 100)
      .reduce((a, b) => a + b, 0)
    assert.equal(await page.getByTestId('total-executed').textContent(), (executed / 1_000_000).toFixed(2))
    assert.equal(await page.getByTestId('total-rate').textContent(), '—')
    assert.equal(await page.getByTestId('total-deviation').textContent(), '—')
    assert.equal(await page.getByTestId('rate-coverage').textContent(), '本月尚无项目填报支出')
    assert.match((await page.getByTestId('curve-coverage').textContent()) ?? '', /截至8月：本月尚无项目填报支出/)
    assert.equal(await page.getByTestId('unreported-spending').textContent(), '5')
    assert.deepEqual(pageErrors(page), [])
    await page.context().close()
  })
})
