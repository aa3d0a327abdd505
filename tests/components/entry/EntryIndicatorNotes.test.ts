import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryIndicatorNotes from '@/components/entry/EntryIndicatorNotes.vue'
import { buildIndicatorNoteRows, type IndicatorNote } from '@/domain/indicatorNotes'
import { demoAt } from '../../exporters/demoEvaluations'

// 人民调解员补贴 at 7月: 群众矛盾降低率 93 % of ≥95 % (黄); its other indicators on track.
const project = demoAt(7).evaluations.find((e) => e.project.name === '人民调解员补贴')!
const lagging = project.indicators.find((i) => i.indicator.name === '群众矛盾降低率')!

function mountNotes(notes: IndicatorNote[] = [], isLocked = false) {
  const rows = buildIndicatorNoteRows(project.indicators, notes, 7)
  return mount(EntryIndicatorNotes, { props: { rows, projectId: project.project.id, month: 7, isLocked }, attachTo: document.body })
}
const saved = (w: ReturnType<typeof mountNotes>) => (w.emitted('save') ?? []).map(([n]) => n as IndicatorNote)

describe('EntryIndicatorNotes', () => {
  it('asks for reasons only on the indicator off target; the others read 正常', () => {
    const w = mountNotes()
    const forms = w.findAll('[data-test="indicator-note"]')
    expect(forms).toHaveLength(project.indicators.length)
    expect(w.findAll('[data-test="indicator-reasons"]')).toHaveLength(1)
    expect(w.get(`[data-indicator="${lagging.indicator.name}"]`).text()).toMatch(/目标 ≥95%.*1–7月 93%.*全年预计 93%/)
    expect(w.findAll('[data-test="indicator-note-ok"]').map((n) => n.text())).toEqual(Array(project.indicators.length - 1).fill('正常'))
    expect(w.text()).toContain('1 项偏离')
    w.unmount()
  })

  it('keeps a 原因说明 being typed when an earlier save (the reasons) comes back from the database', async () => {
    const w = mountNotes()
    const form = () => w.get(`[data-indicator="${lagging.indicator.name}"]`)
    await form().findAll('.el-checkbox input')[2]!.setValue(true)
    await form().get('[data-test="indicator-explanation"]').setValue('两个调解委员会')
    // The reasons' save is stored and the live query hands the rows back, without the text typed since.
    const stored: IndicatorNote = { ...saved(w)[0]!, explanation: '' }
    await w.setProps({ rows: buildIndicatorNoteRows(project.indicators, [stored], 7) })
    await nextTick()
    const input = form().get('[data-test="indicator-explanation"]').element as HTMLInputElement
    expect(input.value).toBe('两个调解委员会')
    w.unmount()
  })

  it('saves the reasons ticked and the 原因说明 per indicator, the suggestion unconfirmed', async () => {
    const w = mountNotes()
    const form = w.get(`[data-indicator="${lagging.indicator.name}"]`)
    expect(form.get('[data-test="indicator-suggested"]').text()).toBe('建议')
    const boxes = form.findAll('.el-checkbox input')
    await boxes[2]!.setValue(true)
    await boxes[4]!.setValue(true)
    await form.get('[data-test="indicator-explanation"]').setValue('人员调整')
    await nextTick()
    const last = saved(w).at(-1)!
    expect(last).toEqual({
      indicatorId: lagging.indicator.id, projectId: project.project.id, month: 7,
      reasons: ['staffing', 'other'], likelihood: null, explanation: '人员调整', remark: '', forecast: null,
    })
    w.unmount()
  })

  it('stores a rewritten 全年预计 and a confirmed likelihood, and shows them back', async () => {
    const w = mountNotes()
    const form = w.get(`[data-indicator="${lagging.indicator.name}"]`)
    await form.get('[data-test="indicator-forecast"]').setValue('95%')
    await form.findAll('.el-radio input')[2]!.setValue(true)
    await nextTick()
    const notes = saved(w)
    expect(notes.map((n) => [n.forecast, n.likelihood])).toEqual([['95%', null], ['95%', 'impossible']])
    w.unmount()
    const back = mountNotes([notes.at(-1)!])
    expect(back.get(`[data-indicator="${lagging.indicator.name}"]`).text()).toContain('全年预计 95%')
    expect(back.find('[data-test="indicator-suggested"]').exists()).toBe(false)
    back.unmount()
  })

  it('writes nothing in a month already 已报送', async () => {
    const w = mountNotes([], true)
    await w.get('[data-test="indicator-explanation"]').setValue('x')
    expect(w.emitted('save')).toBeUndefined()
    w.unmount()
  })
})
