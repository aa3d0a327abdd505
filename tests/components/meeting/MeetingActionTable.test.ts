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
    expect(rows[0]!.text()).toMatch(/法制工作专项经费.*完成采购.*7月结转.*李科长.*2020-08-01.*逾期.*未完成/)
    expect(rows[0]!.classes()).toContain('is-overdue')
    expect(rows[1]!.attributes('data-state')).toBe('closed')
    expect(rows[1]!.text()).toContain('已完成')
  })

  it('emits close and remove when editable', async () => {
    const actions = actionsAtMonth([item({ id: 7 })], 7, '2020-08-10')
    const wrapper = mount(MeetingActionTable, { props: { actions, isEditable: true } })
    const buttons = wrapper.findAll('button')
    await buttons.find((b) => b.text() === '完成')!.trigger('click')
    await buttons.find((b) => b.text() === '删除')!.trigger('click')
    expect(wrapper.emitted('close')).toEqual([[7]])
    expect(wrapper.emitted('remove')).toEqual([[7]])
  })

  it('says so when there is nothing to do', () => {
    expect(mount(MeetingActionTable, { props: { actions: [] } }).text()).toBe('暂无会议确定的整改事项')
  })
})
