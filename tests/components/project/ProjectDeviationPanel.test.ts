import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProjectDeviationPanel from '@/components/project/ProjectDeviationPanel.vue'
import { DEMO_ITEMS, demoEvaluations } from '../../charts/demoFixture'

describe('ProjectDeviationPanel', () => {
  it('shows the 7月 figures beside the note (偏差原因, 完成目标可能性, 整改措施)', () => {
    const evaluation = demoEvaluations(7).find((e) => e.project.code === '315-0403-JBN-QFV8')!
    const note = DEMO_ITEMS.find((i) => i.project.code === '315-0403-JBN-QFV8')!.notes[0]!
    const wrapper = mount(ProjectDeviationPanel, { props: { evaluation, note } })
    expect(wrapper.find('[data-test="rate"]').text()).toBe('20.0%')
    expect(wrapper.find('[data-test="deviation"]').text()).toBe('−30.0 个百分点')
    const noteText = wrapper.find('[data-test="project-note"]').text()
    expect(noteText).toContain('制度保障')
    expect(noteText).toContain('有可能')
    expect(noteText).toContain('8月底前完成采购')
    expect(wrapper.text()).toContain('未填报：制度建设和实施效果')
  })

  it('says when the month has no note yet', () => {
    const evaluation = demoEvaluations(3)[0]!
    expect(mount(ProjectDeviationPanel, { props: { evaluation, note: null } }).text()).toContain('3月尚未填写说明')
  })
})
