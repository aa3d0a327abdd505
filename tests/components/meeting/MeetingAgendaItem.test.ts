import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MeetingAgendaItem from '@/components/meeting/MeetingAgendaItem.vue'
import { buildAgenda } from '@/domain/agenda'
import { demoAt } from '../../exporters/demoEvaluations'

const demo = demoAt(7)
const agenda = buildAgenda({
  evaluations: demo.evaluations,
  flags: [],
  decisions: new Map([[demo.evaluations[1]!.project.id, { projectId: demo.evaluations[1]!.project.id, month: 7, decision: 'continue', remark: '' }]]),
  actions: [],
  month: 7,
  referenceDate: '2020-08-01',
})

describe('MeetingAgendaItem', () => {
  it('shows 执行率 vs plan, deviation, reasons, likelihood, open actions and the decision', () => {
    const entry = agenda.entries[0]!
    const note = demo.notes.find((n) => n.projectId === entry.evaluation.project.id) ?? null
    const wrapper = mount(MeetingAgendaItem, { props: { entry, rank: 1, note, isExpanded: false, isExporting: false } })
    const text = wrapper.text()
    expect(text).toContain('法制工作专项经费')
    expect(text).toMatch(/执行率\s*20\.0%\s*\/ 计划\s*50\.0%/)
    expect(wrapper.get('[data-test="agenda-deviation"]').text()).toBe('−30.0')
    expect(text).toContain('制度保障')
    expect(text).toContain('有可能')
    expect(text).toContain('未填报：制度建设和实施效果')
    expect(text).toContain('决定：继续执行')
    expect(wrapper.get('[data-test="open-actions"]').text()).toBe('0')
    // The department's 整改措施 from the note and the meeting's own action items are told apart.
    expect(text).toMatch(/会议整改事项：\s*未完成\s*0\s*项/)
  })

  it('lists indicator shortfalls and emits its buttons', async () => {
    const entry = agenda.entries.find((e) => e.evaluation.project.name === '社区矫正经费')!
    const wrapper = mount(MeetingAgendaItem, { props: { entry, rank: 4, note: null, isExpanded: false, isExporting: false } })
    expect(wrapper.text()).toContain('社区矫正宣传场次（7 次 / ≥15 次）')
    await wrapper.get('[data-test="agenda-remove"]').trigger('click')
    await wrapper.get('[data-test="agenda-record"]').trigger('click')
    expect(wrapper.emitted('remove')).toHaveLength(1)
    expect(wrapper.emitted('toggle')).toHaveLength(1)
  })

  it.each([
    ['agenda-record', 'toggle'],
    ['agenda-export', 'export'],
    ['agenda-remove', 'remove'],
  ])('emits %s as %s from a plain button (no Element Plus button per item)', async (testId, event) => {
    const wrapper = mount(MeetingAgendaItem, { props: { entry: agenda.entries[0]!, rank: 1, note: null, isExpanded: false, isExporting: false } })
    const button = wrapper.get(`[data-test="${testId}"]`)
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('type')).toBe('button')
    expect(button.classes()).not.toContain('el-button')
    await button.trigger('click')
    expect(wrapper.emitted(event)).toHaveLength(1)
  })

  it.each([
    [false, '记录决定与整改', 'false'],
    [true, '收起记录', 'true'],
  ])('labels the record button when expanded is %s', (isExpanded, label, ariaExpanded) => {
    const wrapper = mount(MeetingAgendaItem, { props: { entry: agenda.entries[0]!, rank: 1, note: null, isExpanded, isExporting: false } })
    const button = wrapper.get('[data-test="agenda-record"]')
    expect(button.text()).toBe(label)
    expect(button.attributes('aria-expanded')).toBe(ariaExpanded)
  })

  it('holds the export button while an export runs', () => {
    const wrapper = mount(MeetingAgendaItem, { props: { entry: agenda.entries[0]!, rank: 1, note: null, isExpanded: false, isExporting: true } })
    const button = wrapper.get('[data-test="agenda-export"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.text()).toBe('导出中…')
  })

  it.each([
    ['法制工作专项经费', true], // −30.0: 红
    ['人民调解员补贴', false], // −8.3: 黄, not marked as behind in red
  ])('marks the deviation of %s in red only when the spending is 红: %s', (name, isRed) => {
    const entry = agenda.entries.find((e) => e.evaluation.project.name === name)!
    const wrapper = mount(MeetingAgendaItem, { props: { entry, rank: 1, note: null, isExpanded: false, isExporting: false } })
    expect(wrapper.get('.deviation').classes('is-behind')).toBe(isRed)
  })
})
