import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import MeetingReasons from '@/components/meeting/MeetingReasons.vue'
import type { MonitoringNote } from '@/domain/types'

const NOTE: MonitoringNote = {
  projectId: 'p',
  month: 7,
  reasons: ['institution', 'funding'],
  explanation: '合同未签订',
  likelihood: 'possible',
  actions: '8月底前完成采购并支付首期款',
}

describe('MeetingReasons', () => {
  it('shows the note: reasons, explanation, confirmed likelihood and the department’s 整改措施', () => {
    const text = mount(MeetingReasons, { props: { note: NOTE, likelihood: 'possible', suggestedLikelihood: 'impossible' } }).text()
    expect(text).toContain('制度保障')
    expect(text).toContain('经费保障')
    expect(text).toContain('合同未签订')
    expect(text).toContain('有可能')
    expect(text).not.toContain('待确认')
    expect(text).toContain('8月底前完成采购并支付首期款')
  })

  it('marks a suggested likelihood as not yet confirmed and says when nothing is filled in', () => {
    const text = mount(MeetingReasons, { props: { note: null, likelihood: null, suggestedLikelihood: 'impossible' } }).text()
    expect(text).toContain('未填写')
    expect(text).toMatch(/完全不可能\s*（系统测算，待确认）/)
    expect(text).not.toContain('整改措施')
  })
})
