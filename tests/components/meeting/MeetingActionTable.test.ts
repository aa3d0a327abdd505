import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MeetingActionTable from '@/components/meeting/MeetingActionTable.vue'
import { actionsAtMonth, type ActionItem } from '@/domain/agenda'

const item = (partial: Partial<ActionItem> & { id: number }): ActionItem => ({
  projectId: 'p1', month: 7, text: '完成采购', owner: '李科长', dueDate: '2020-08-31', status: 'open', closedMonth: null, ...partial,
})

describe('MeetingActionTable', () => {
  it('marks carried-over and overdue actions in words, not colour alone', () => {
    const actions = actionsAtMonth([item({ id: 1, dueDate: '2020-08-01' }), item({ id: 2, text: '复核', status: 'closed', closedMonth: 8 })], 8, '2020-08-10')
    const wrapper = mount(MeetingActionTable, { props: { actions, projectNames: new Map([['p1', '法制工作专项经费']]) } })
    const rows = wrapper.findAll('[data-test="action-row"]')
    expect(rows).toHaveLength(2)
    // An item stored before the lifecycle: open reads 未开始, closed 已完成.
    expect(rows[0]!.text()).toMatch(/法制工作专项经费.*完成采购.*7月结转.*李科长.*2020-08-01.*逾期.*未开始/)
    expect(rows[0]!.classes()).toContain('is-overdue')
    expect(rows[1]!.attributes('data-state')).toBe('closed')
    expect(rows[1]!.text()).toContain('已完成')
  })

  it('keeps 逾期完成 on an item completed after its 期限, with its result and evidence', () => {
    const late = item({ id: 3, dueDate: '2020-08-15', status: 'closed', closedMonth: 8, progress: 'done', completedOn: '2020-08-20', completionNote: '已支付', evidence: '凭证.pdf' })
    const onTime = item({ id: 4, text: '复核', dueDate: '2020-08-31', status: 'closed', closedMonth: 8, progress: 'done', completedOn: '2020-08-20' })
    const wrapper = mount(MeetingActionTable, { props: { actions: actionsAtMonth([late, onTime], 8, '2020-09-01') } })
    const [first, second] = wrapper.findAll('[data-test="action-row"]')
    expect(first!.text()).toMatch(/已完成\s*逾期完成.*2020-08-20 完成：已支付.*证明材料：凭证\.pdf/)
    expect(first!.classes()).not.toContain('is-overdue')
    expect(second!.find('[data-test="completed-late"]').exists()).toBe(false)
  })

  it('records a result: 已完成 needs an 实际完成日期 and says when it is late', async () => {
    const actions = actionsAtMonth([item({ id: 7, dueDate: '2020-08-15' })], 8, '2020-09-01')
    const wrapper = mount(MeetingActionTable, { props: { actions, isEditable: true, today: '2020-09-03' } })
    await wrapper.get('[data-test="action-record-result"]').trigger('click')
    await wrapper.get('[data-test="progress-done"] input').setValue(true)
    expect(wrapper.get('[data-test="action-late-hint"]').text()).toContain('逾期完成')
    const date = wrapper.get<HTMLInputElement>('[data-test="action-completed-on"]')
    expect(date.element.value).toBe('2020-09-03')
    await date.setValue('')
    expect(wrapper.get('[role="alert"]').text()).toBe('请填写实际完成日期（年-月-日）')
    await wrapper.get('[data-test="action-result-form"]').trigger('submit')
    expect(wrapper.emitted('result')).toBeUndefined()
    await date.setValue('2020-08-20')
    await wrapper.get('[data-test="action-completion-note"]').setValue('已支付')
    await wrapper.get('[data-test="action-evidence"]').setValue('凭证.pdf')
    await wrapper.get('[data-test="action-result-form"]').trigger('submit')
    expect(wrapper.emitted('result')).toEqual([[7, { progress: 'done', completionNote: '已支付', completedOn: '2020-08-20', evidence: '凭证.pdf' }]])
    expect(wrapper.find('[data-test="action-result-form"]').exists()).toBe(false)
  })

  it('emits remove when editable', async () => {
    const wrapper = mount(MeetingActionTable, { props: { actions: actionsAtMonth([item({ id: 7 })], 7, '2020-08-10'), isEditable: true } })
    await wrapper.findAll('button').find((b) => b.text() === '删除')!.trigger('click')
    expect(wrapper.emitted('remove')).toEqual([[7]])
  })

  it('says so when there is nothing to do', () => {
    expect(mount(MeetingActionTable, { props: { actions: [] } }).text()).toBe('暂无会议确定的整改事项')
  })
})
