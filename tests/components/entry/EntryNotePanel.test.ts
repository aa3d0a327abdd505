import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryNotePanel from '@/components/entry/EntryNotePanel.vue'
import type { Likelihood, MonitoringNote } from '@/domain/types'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountPanel(note: MonitoringNote | null, suggested: Likelihood | null = 'possible') {
  wrapper = mount(EntryNotePanel, {
    props: { projectId: 'p', projectName: '法制工作专项经费', month: 7, note, suggested, isLocked: false },
    attachTo: document.body,
  })
  return wrapper
}

const saved = (w: VueWrapper) => (w.emitted('save') ?? []).map(([note]) => note as MonitoringNote)
const checkedLabel = (w: VueWrapper) => w.find('.el-radio.is-checked').text()

describe('EntryNotePanel: 完成目标可能性 is suggested, the user confirms it', () => {
  it('shows the suggestion pre-selected and marked 建议, but saving another field stores no likelihood', async () => {
    const w = mountPanel(null)
    expect(checkedLabel(w)).toContain('有可能')
    expect(w.get('[data-test="suggested-tag"]').text()).toBe('建议')
    await w.get('[data-test="note-explanation"]').setValue('采购延迟')
    await w.findAll('.el-checkbox input')[1]!.setValue(true)
    await nextTick()
    expect(saved(w).map((n) => [n.explanation, n.reasons, n.likelihood])).toEqual([
      ['采购延迟', [], null],
      ['采购延迟', ['institution'], null],
    ])
  })

  it('stores the suggestion once 确认 is pressed', async () => {
    const w = mountPanel(null)
    await w.get('[data-test="confirm-likelihood"]').trigger('click')
    expect(saved(w).map((n) => n.likelihood)).toEqual(['possible'])
  })

  it('stores the choice the user picks', async () => {
    const w = mountPanel(null)
    await w.findAll('.el-radio input')[2]!.setValue(true)
    expect(saved(w).map((n) => n.likelihood)).toEqual(['impossible'])
  })

  it('keeps a confirmed answer when other fields are saved, and asks no more', async () => {
    const note: MonitoringNote = { projectId: 'p', month: 7, reasons: [], explanation: '', likelihood: 'certain', actions: '' }
    const w = mountPanel(note)
    expect(checkedLabel(w)).toContain('确定能')
    expect(w.find('[data-test="confirm-likelihood"]').exists()).toBe(false)
    await w.get('[data-test="note-actions"]').setValue('9月底前完成采购')
    expect(saved(w).map((n) => [n.actions, n.likelihood])).toEqual([['9月底前完成采购', 'certain']])
  })
})
