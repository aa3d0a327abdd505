import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataImportFailure from '@/components/data/DataImportFailure.vue'
import { parseDocument } from '@/importers/document'

function failed() {
  // Every project broken but the one that becomes invalid too, so that nothing is importable.
  const text = readFileSync('tests/fixtures/error-many-2021-emergency.txt', 'utf8')
  const result = parseDocument(text)
  if (!result.ok) return result
  return { errors: result.incomplete.flatMap((p) => p.errors), warnings: result.warnings }
}

describe('DataImportFailure', () => {
  it('lists every blocking error with its project, cell and line, then the other warnings', async () => {
    const { errors, warnings } = failed()
    const wrapper = mount(DataImportFailure, { props: { fileName: '应急局.txt', errors, warnings, linesAreRows: false } })
    expect(wrapper.find('h3').text()).toBe('未能导入 应急局.txt，没有保存任何内容')
    expect(wrapper.text()).toContain('发现 4 处问题')
    const rows = wrapper.findAll('[data-test="import-errors"] tbody tr')
    expect(rows.map((row) => row.findAll('td').slice(0, 3).map((td) => td.text()))).toEqual([
      ['安全生产执法经费', '预算数', '第 6 行'],
      ['应急演练经费', '其中：财政资金', '第 15 行'],
      ['应急物资储备经费', '三级指标', '第 28 行'],
      ['应急值守经费', '项目编码', '第 41 行'],
    ])
    expect(rows[0]?.text()).toContain('叁万元')
    expect(rows[0]?.text()).toContain('预算数为数字')
    const notes = wrapper.find('[data-test="preview-warnings"]')
    expect(notes.text()).toContain(`${warnings.length} 条提示`)
    await wrapper.find('button').trigger('click')
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })

  it('shows a document-wide error without a project column', () => {
    const error = { message: '这是旧版 Word 文件（.doc），无法直接读取', line: null, expected: '在 Word 或 WPS 中“另存为” .docx 后导入' }
    const wrapper = mount(DataImportFailure, { props: { fileName: 'a.doc', errors: [error], warnings: [], linesAreRows: false } })
    expect(wrapper.find('[data-test="import-errors"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('这是旧版 Word 文件')
    expect(wrapper.text()).toContain('应当是：在 Word 或 WPS 中“另存为” .docx 后导入')
    expect(wrapper.find('[data-test="preview-warnings"]').exists()).toBe(false)
  })
})
