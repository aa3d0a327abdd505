import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import EntryPasteReport from '@/components/entry/EntryPasteReport.vue'
import type { PasteReport } from '@/presenters/entryPaste'

const IN_CELL = { where: '法律援助经费 · 群众满意率', text: '120', message: '比率应在 0 到 100 之间。', hasCell: true }
const OUTSIDE = { where: '第 3 行 · 8月支出', text: '9', message: '超出表格：下面没有更多的行了。', hasCell: false }
const mountReport = (report: PasteReport) => mount(EntryPasteReport, { props: { report } })

describe('EntryPasteReport', () => {
  it('says that values outside the grid were not pasted, not that they stay in a red cell', () => {
    const w = mountReport({ savedCount: 2, rejected: [OUTSIDE], skipped: [] })
    expect(w.get('[data-test="paste-rejected"]').text()).toContain('未粘贴')
    expect(w.get('[data-test="paste-hint-outside"]').text()).toContain('超出表格的 1 个值没有粘贴')
    expect(w.text()).not.toContain('留在单元格里')
  })

  it('says refused values in the grid stay in their red cells', () => {
    const w = mountReport({ savedCount: 0, rejected: [IN_CELL, OUTSIDE], skipped: [] })
    expect(w.get('[data-test="paste-hint-cells"]').text()).toContain('未保存的 1 个值留在单元格里（红框）')
    expect(w.find('[data-test="paste-hint-outside"]').exists()).toBe(true)
    expect(w.findAll('[data-test="paste-rejected"]')[0]!.text()).toBe('法律援助经费 · 群众满意率「120」：比率应在 0 到 100 之间。')
  })

  it('reports a clean paste without hints', () => {
    const w = mountReport({ savedCount: 6, rejected: [], skipped: [] })
    expect(w.text()).toContain('已保存 6 个')
    expect(w.find('.entry-paste-hint').exists()).toBe(false)
  })

  it('says which values were skipped (read-only columns, blanks), apart from the saved count', () => {
    const w = mountReport({
      savedCount: 4,
      rejected: [],
      skipped: [
        { where: '法律援助经费 · 1–9月执行数', text: '1.85', kind: 'figure' },
        { where: '法律援助经费 · 执行率', text: '61.7%', kind: 'figure' },
        { where: '人民调解员补贴 · 指标 1', text: '', kind: 'blank' },
      ],
    })
    expect(w.get('strong').text()).toBe('粘贴结果：已保存 4 个，跳过 3 个。')
    expect(w.get('[data-test="paste-hint-figures"]').text()).toContain('只读列（执行数、执行率）下的 2 个值已跳过')
    expect(w.get('[data-test="paste-hint-blanks"]').text()).toContain('1 个空白值已跳过，这些单元格保持原样')
  })
})
