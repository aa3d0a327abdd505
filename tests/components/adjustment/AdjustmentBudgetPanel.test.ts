import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import AdjustmentBudgetPanel from '@/components/adjustment/AdjustmentBudgetPanel.vue'
import { budgetInForce, type BudgetAdjustment } from '@/domain/budgetAdjustment'
import { makeProject, planOf } from '../../domain/factories'

// 12.00 万元; a 调减 of 2.00 万元 dated 5月, recorded after 6月 was reported; a 追加 dated 8月.
const project = makeProject('HAND-09', '社区普法宣传项目', 12_000_000, planOf(25, 50, 75, 100))
const cut: BudgetAdjustment = { id: 1, projectId: project.id, date: '2020-05-20', fiscal: -2_000_000, other: 0, documentNo: '北财预〔2020〕21号', reason: '', transferGroup: null, at: '2020-07-02T09:00:00.000Z', actor: '王会计' }
const later: BudgetAdjustment = { ...cut, id: 2, date: '2020-08-03', fiscal: 1_000_000, documentNo: '北财预〔2020〕33号', at: '2020-08-03T09:00:00.000Z' }
const REPORTED_AT = '2020-07-01T09:00:00.000Z'

function panel(reported: boolean) {
  const today = budgetInForce(project, [cut, later], 6)
  // A 已报送 6月 shows the budget as reported (before the 调减), today's beside it.
  const shown = reported ? budgetInForce(project, [], 6) : today
  return mount(AdjustmentBudgetPanel, {
    props: { budget: shown, adjustments: [later, cut], month: 6, reported: reported ? { reportedAt: REPORTED_AT, current: today } : null },
  })
}

describe('AdjustmentBudgetPanel', () => {
  it.each([
    [true, ['报送后录入，未计入6月报送数'], /6月已报送：上表为报送时的预算数。报送后有变动：按当前记录，6月底调整后预算数为\s*10\.00\s*万元（报送时 12\.00 万元）/],
    [false, [], null],
  ] as const)('reported %s: says where today’s budget differs and which adjustment came after the report', (reported, flags, note) => {
    const wrapper = panel(reported)
    expect(wrapper.findAll('[data-test="budget-after-report"]').map((f) => f.text())).toEqual(flags)
    expect(wrapper.find('[data-test="budget-summary"]').text()).toMatch(reported ? /12\.00 万元\s*（报送时未调整）/ : /10\.00 万元$/)
    const shownNote = wrapper.find('[data-test="budget-reported-note"]')
    if (note === null) expect(shownNote.exists()).toBe(false)
    else expect(shownNote.text()).toMatch(note)
    // By date; the 8月 追加 is not in force at 6月 either way.
    const items = wrapper.findAll('[data-test="budget-history"] li')
    expect(items.map((li) => li.find('.date').text())).toEqual(['2020-05-20', '2020-08-03'])
    expect(items[1]!.text()).toContain('6月底尚未生效')
  })

  it.each([
    ['recorded before the report, edited after', '2020-06-20T09:00:00.000Z', '2020-07-05T09:00:00.000Z', ['报送后修改，6月报送数按修改前计']],
    ['recorded and edited before the report', '2020-06-20T09:00:00.000Z', '2020-06-25T09:00:00.000Z', []],
    ['recorded before the report, never edited', '2020-06-20T09:00:00.000Z', undefined, []],
    ['recorded after the report and edited', '2020-07-02T09:00:00.000Z', '2020-07-05T09:00:00.000Z', ['报送后录入，未计入6月报送数']],
  ] as const)('an adjustment %s: flagged as the report saw it', (_, at, editedAt, flags) => {
    const adjustment: BudgetAdjustment = { ...cut, at, editedAt }
    const today = budgetInForce(project, [adjustment], 6)
    const wrapper = mount(AdjustmentBudgetPanel, { props: { budget: today, adjustments: [adjustment], month: 6, reported: { reportedAt: REPORTED_AT, current: today } } })
    expect(wrapper.findAll('[data-test="budget-after-report"]').map((f) => f.text())).toEqual(flags)
  })

  it('emits 修改 and 删除 with the adjustment', async () => {
    const wrapper = panel(false)
    await wrapper.findAll('[data-test="budget-edit"]')[0]!.trigger('click')
    await wrapper.findAll('[data-test="budget-remove"]')[1]!.trigger('click')
    expect(wrapper.emitted('edit')).toEqual([[cut]])
    expect(wrapper.emitted('remove')).toEqual([[later]])
  })

  it.each([
    [-500_000, '至「法律援助经费」'],
    [500_000, '自「法律援助经费」'],
  ] as const)('names the other project of a 调剂 (%i 分): %s', (fiscal, text) => {
    const transfer: BudgetAdjustment = { ...cut, fiscal, transferGroup: 't-1' }
    const wrapper = mount(AdjustmentBudgetPanel, {
      props: { budget: budgetInForce(project, [transfer], 6), adjustments: [transfer], month: 6, counterparts: new Map([['t-1', '法律援助经费']]) },
    })
    expect(wrapper.find('[data-test="budget-counterpart"]').text()).toBe(text)
  })

  it.each([
    [false, 2, true],
    [true, 0, false],
  ] as const)('read-only %s (来自报送): %i row buttons, add/transfer offered: %s', (isReadOnly, rowButtons, hasActions) => {
    const today = budgetInForce(project, [cut, later], 6)
    const wrapper = mount(AdjustmentBudgetPanel, { props: { budget: today, adjustments: [later, cut], month: 6, isReadOnly } })
    expect(wrapper.findAll('[data-test="budget-edit"]')).toHaveLength(rowButtons)
    expect(wrapper.find('[data-test="budget-add"]').exists()).toBe(hasActions)
    expect(wrapper.find('[data-test="budget-transfer"]').exists()).toBe(hasActions)
    // The history stays readable.
    expect(wrapper.findAll('[data-test="budget-history"] li')).toHaveLength(2)
  })
})
