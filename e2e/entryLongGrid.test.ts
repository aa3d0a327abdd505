// A department with 60 projects: the month grid renders the rows on screen only, and the keys,
// typing and a pasted block still reach every row.
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { writeBureauBackup } from '../mock-data/bureauBackup'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

const ROWS = 60
const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)
const focusedPos = (page: Page) => page.evaluate<string | undefined>('document.activeElement?.dataset?.pos')
const rendered = (page: Page) => page.locator('[data-test="entry-grid"] tbody tr[data-row-key]').count()
const scrollGrid = (page: Page, top: number) => page.evaluate(`(() => { const box = document.querySelector('.entry-grid-wrap'); box.scrollTop = ${top}; box.dispatchEvent(new Event('scroll')) })()`)

async function restore(page: Page, file: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/data'))
  await page.getByTestId('restore-file-input').setInputFiles(file)
  await page.getByTestId('restore-review').waitFor({ timeout: 60_000 })
  await page.getByTestId('restore-understood').click()
  await page.getByTestId('restore-confirm').click()
  await page.getByTestId('backup-message').filter({ hasText: '已从' }).waitFor({ timeout: 60_000 })
}

describe('录入: a long department grid', () => {
  const app = startAppForSuite()
  let dir = ''
  let file = ''
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'entry-long-'))
    file = join(dir, 'bureau.json')
    let text = ''
    await writeBureauBackup({ seed: 7, departments: 1, projectsPerDepartment: ROWS, years: [2024], throughMonth: 7 }, (chunk) => {
      text += chunk
    })
    await writeFile(file, text)
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('renders the rows on screen, and arrows, typing and paste reach the rows below them', async () => {
    const page = await openPage(app, '/settings')
    await page.getByRole('heading', { name: '设置' }).first().waitFor()
    await restore(page, file)
    await page.evaluate(() => (location.hash = '#/entry?y=2024&m=7'))
    await page.getByTestId('actor-skip').click()
    await cell(page, '0:0').waitFor()
    assert.equal(await page.getByTestId('entry-grid').getAttribute('aria-rowcount'), String(ROWS + 1))
    const shown = await rendered(page)
    assert.ok(shown > 0 && shown < ROWS, `${shown} rows rendered`)

    // ArrowDown walks to the last project, rendering the rows on the way.
    await cell(page, '0:0').click()
    for (let i = 1; i < ROWS; i++) await page.keyboard.press('ArrowDown')
    assert.equal(await focusedPos(page), `${ROWS - 1}:0`)
    assert.equal(await cell(page, '0:0').count(), 0)
    await page.keyboard.type('0.01')
    await page.keyboard.press('Tab')
    assert.equal(await focusedPos(page), `${ROWS - 1}:3`)
    await waitForExpression(page, `document.querySelector('[data-test="save-status"]')?.dataset.phase === 'saved'`)

    // Back at the top, a block pasted into the last rendered row lands in the rows below it.
    await scrollGrid(page, 0)
    await cell(page, '0:0').waitFor()
    const last = (await rendered(page)) - 1
    await cell(page, `${last}:0`).click()
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.evaluate(`navigator.clipboard.writeText('0.02\\n0.03\\n0.04\\n')`)
    await page.keyboard.press('Control+v')
    await cell(page, `${last}:0`).focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    assert.equal(await focusedPos(page), `${last + 2}:0`)
    await waitForExpression(page, `document.querySelector('input[data-pos="${last + 2}:0"]')?.value === '0.04'`)

    // The value typed in the last row was saved: it is there when its row renders again.
    await page.keyboard.press('Escape')
    await scrollGrid(page, 100_000)
    await waitForExpression(page, `document.querySelector('input[data-pos="${ROWS - 1}:0"]')?.value === '0.01'`)
    assert.deepEqual(pageErrors(page), [])
  })
})
