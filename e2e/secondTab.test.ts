import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { openPage, pageErrors, startAppForSuite, waitForExpression } from './support'

const cell = (page: Page, pos: string) => page.locator(`input[data-pos="${pos}"]`)

/** Types into a cell as a user does: click, select what is there, type (not saved yet). */
async function typeInto(page: Page, pos: string, text: string): Promise<void> {
  await cell(page, pos).click()
  await page.keyboard.press('Control+a')
  await page.keyboard.type(text)
}

async function typeAndSave(page: Page, pos: string, text: string): Promise<void> {
  await typeInto(page, pos, text)
  await page.keyboard.press('Enter')
  await waitForExpression(page, `document.querySelector('input[data-pos="${pos}"]')?.value === ${JSON.stringify(text)}`)
  await page.locator('[data-test="save-status"][data-phase="saved"]').waitFor()
}

describe('two tabs on one cell (same IndexedDB)', () => {
  const app = startAppForSuite()

  it('shows the other tab value while typing, asks before overwriting, and keeps it on Enter', async () => {
    const a = await openPage(app, '/entry')
    await a.getByTestId('actor-input').fill('王会计')
    await a.getByTestId('actor-save').click()
    await waitForExpression(a, 'document.activeElement?.dataset?.pos === "0:0"')
    // Tab B: the same browser profile, so the same IndexedDB; the name is known there already.
    const b = await a.context().newPage()
    await b.goto(a.url())
    await cell(b, '0:0').waitFor()

    // B types 0.44 without saving; A saves 0.55 into the same cell.
    await typeInto(b, '0:0', '0.44')
    await typeAndSave(a, '0:0', '0.55')

    // B shows the stored 0.55 at once and asks; the question has the focus, so Enter keeps 0.55.
    const question = b.getByTestId('cell-conflict')
    await question.waitFor()
    assert.equal(await cell(b, '0:0').inputValue(), '0.55')
    assert.match((await question.textContent()) ?? '', /另一窗口已将此格改为 0\.55，是否用 0\.44 覆盖？/)
    await b.keyboard.press('Enter')
    await question.waitFor({ state: 'detached' })
    assert.equal(await cell(b, '0:0').inputValue(), '0.55')
    await b.keyboard.press('Enter')
    await a.waitForTimeout(300)
    assert.equal(await cell(a, '0:0').inputValue(), '0.55', 'nothing was stored over the other tab')

    // Again, and this time B chooses to overwrite (Shift+Tab to 覆盖, then Enter): A sees 0.44.
    await typeInto(b, '0:0', '0.44')
    await typeAndSave(a, '0:0', '0.66')
    await question.waitFor()
    await b.keyboard.press('Shift+Tab')
    assert.equal(await b.evaluate('document.activeElement?.dataset?.test'), 'conflict-overwrite')
    await b.keyboard.press('Enter')
    await waitForExpression(a, `document.querySelector('input[data-pos="0:0"]')?.value === "0.44"`)
    assert.equal(await cell(b, '0:0').inputValue(), '0.44')

    assert.deepEqual([...pageErrors(a)], [])
    await a.context().close()
  })
})
