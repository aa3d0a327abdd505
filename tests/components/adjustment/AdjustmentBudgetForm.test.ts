import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import AdjustmentBudgetForm from '@/components/adjustment/AdjustmentBudgetForm.vue'
import AdjustmentTargetForm from '@/components/adjustment/AdjustmentTargetForm.vue'
import type { Indicator } from '@/domain/types'

afterEach(() => {
  document.body.innerHTML = ''
})

async function budgetForm(errors = {}) {
  const wrapper = mount(AdjustmentBudgetForm, {
    props: { open: false, mode: 'adjust', year: 2020, projectName: '法律援助经费', targets: [], errors },
    attachTo: document.body,
  })
  await wrapper.setProps({ open: true })
  await flushPromises()
  return wrapper
}

const input = (testId: string) => document.querySelector<HTMLInputElement>(`[data-test="${testId}"] input, input[data-test="${testId}"]`)!
async function type(testId: string, value: string) {
  const el = input(testId)
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
const settle = async () => {
  await flushPromises()
  // el-form-item shows a changed error after its own watcher and transition tick.
  await new Promise((done) => setTimeout(done, 50))
}
const click = async (testId: string) => {
  document.querySelector<HTMLElement>(`[data-test="${testId}"]`)!.click()
  await settle()
}

describe('AdjustmentBudgetForm', () => {
  it('refuses an amount that is not 万元 at its field, in Chinese, and submits nothing', async () => {
    const wrapper = await budgetForm()
    await type('budget-fiscal', '一万')
    await click('budget-save')
    // The message enters with a transition: wait for it.
    await vi.waitFor(() => expect(document.body.textContent).toContain('请填写金额（万元，正数，最多 6 位小数），如 1.5'), { timeout: 2000 })
    expect(wrapper.emitted('submit')).toBeUndefined()
  })

  it('submits a 调减 as negative 分, a blank source as 0', async () => {
    const wrapper = await budgetForm()
    await type('budget-fiscal', '1.25')
    await type('budget-document', '北财预〔2020〕12号')
    await click('budget-save')
    expect(wrapper.emitted('submit')?.[0]?.[0]).toMatchObject({ fiscal: -1_250_000, other: 0, documentNo: '北财预〔2020〕12号' })
    await click('direction-add')
    await click('budget-save')
    expect(wrapper.emitted('submit')?.[1]?.[0]).toMatchObject({ fiscal: 1_250_000 })
  })

  it.each([
    ['a 调减', 'adjust', { date: '2020-05-20', fiscal: -2_500_000, other: 0, documentNo: '北财预〔2020〕12号', reason: '', toProjectId: '' }, '修改「法律援助经费」的预算调整', '2.5'],
    ['a 调剂', 'transfer', { date: '2020-06-10', fiscal: 1_000_000, other: 0, documentNo: '北财预〔2020〕9号', reason: '调剂', toProjectId: 'b' }, '修改调剂：从「法律援助经费」调出', '1'],
  ] as const)('opens on %s being edited with its values, and submits it unchanged as it was', async (_label, mode, initial, title, fiscalText) => {
    const wrapper = mount(AdjustmentBudgetForm, {
      props: { open: false, mode, year: 2020, projectName: '法律援助经费', targets: [{ id: 'b', name: '人民调解员补贴' }], errors: {}, initial },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await flushPromises()
    expect(document.body.textContent).toContain(title)
    expect(input('budget-fiscal').value).toBe(fiscalText)
    expect(input('budget-document').value).toBe(initial.documentNo)
    await click('budget-save')
    expect(wrapper.emitted('submit')?.[0]?.[0]).toEqual(initial)
  })

  it('shows the repository’s refusal at its field', async () => {
    await budgetForm({ date: '调整日期 2019-05-20 不在 2020 年度内。请填写 2020-01-01 至 2020-12-31 之间的日期。', fiscal: '这笔调减会使5月的财政资金调整后预算数变为 -2.00 万元（小于 0）。' })
    const items = [...document.querySelectorAll('.el-form-item')]
    const dateItem = items.find((item) => item.textContent?.includes('调整日期（批复日期）'))!
    const fiscalItem = items.find((item) => item.textContent?.includes('财政资金（万元）'))!
    // Element Plus shows a form item's error after its transition: wait for it.
    await vi.waitFor(() => expect(dateItem.querySelector('.el-form-item__error')?.textContent).toMatch(/不在 2020 年度内/), { timeout: 2000 })
    await vi.waitFor(() => expect(fiscalItem.querySelector('.el-form-item__error')?.textContent).toMatch(/-2\.00 万元/), { timeout: 2000 })
  })
})

describe('AdjustmentTargetForm', () => {
  const indicator: Indicator = {
    id: 'p#1', projectId: 'p', order: 0, level1: '产出指标', level2: '数量指标', name: '法律案件受理数', description: '', basis: null,
    target: { raw: '≥100100件以上', operator: '>=', value: 100, unit: '件', kind: 'cumulative' },
  }

  it('shows 原目标, reads the typed target as the importer does, and shows a refusal at its field', async () => {
    const wrapper = mount(AdjustmentTargetForm, {
      props: { open: false, indicators: [indicator], indicatorId: 'p#1', month: 6, errors: {} },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await flushPromises()
    expect(document.body.textContent).toContain('原目标：≥100 件')
    await type('target-raw', '大于等于80件')
    expect(document.querySelector('[data-test="target-preview"]')?.textContent).toBe('读作：≥80 件')
    await type('target-reason', '会议决定')
    await click('target-save')
    expect(wrapper.emitted('submit')?.[0]?.[0]).toEqual({ indicatorId: 'p#1', month: 6, targetRaw: '大于等于80件', reason: '会议决定' })
    await wrapper.setProps({ errors: { targetRaw: '「尽量多」读不出数值目标。' } })
    await settle()
    await vi.waitFor(() => expect(document.body.textContent).toContain('「尽量多」读不出数值目标。'), { timeout: 2000 })
  })
})
