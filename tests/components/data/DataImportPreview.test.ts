import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataImportPreview from '@/components/data/DataImportPreview.vue'
import type { Department } from '@/domain/types'
import { parseDocument } from '@/importers/document'

/** The health bureau's tab rows without their title line, so the document states no year. */
function parsedWithoutYear() {
  const text = readFileSync('tests/fixtures/tab-excel-2022-health.tsv', 'utf8').split('\n').slice(1).join('\n')
  const parsed = parseDocument(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed
}

function mountPreview(props: { year?: number | null; storedCodes?: ReadonlySet<string> | null } = {}) {
  const { document, warnings } = parsedWithoutYear()
  const wrapper = mount(DataImportPreview, {
    props: {
      document,
      warnings,
      sourceLabel: '文本文件',
      fileName: '卫健局.txt',
      linesAreRows: false,
      storedCodes: props.storedCodes ?? null,
      isSaving: false,
      yearChoices: [2023, 2022, 2021],
      year: props.year ?? null,
      department: document.department,
      'onUpdate:year': (year: number | null) => wrapper.setProps({ year }),
      'onUpdate:department': (department: Department) => wrapper.setProps({ department }),
    },
  })
  return wrapper
}

describe('DataImportPreview', () => {
  it('shows department, counts, projects and every warning grouped by project and cell', () => {
    const wrapper = mountPreview()
    expect(wrapper.find('[data-test="preview-department"]').text()).toBe('207014 唐山市丰南区卫生健康局')
    expect(wrapper.find('[data-test="preview-counts"]').text()).toBe('2 个项目，预算合计 173.60 万元，12 个指标')
    const rows = wrapper.findAll('[data-test="preview-projects"] tbody tr')
    expect(rows.map((row) => row.findAll('td').map((td) => td.text()).slice(0, 5))).toEqual([
      ['130207-22-0031', '基本公共卫生服务项目', '128.60', '— / — / — / —', '8'],
      ['130207-22-0058', '家庭医生签约服务补助', '45.00', '— / — / — / —', '4'],
    ])
    const { warnings } = parsedWithoutYear()
    const text = wrapper.find('[data-test="preview-warnings"]').text()
    expect(text).toContain(`${warnings.length} 条提示`)
    expect(text).toContain('整个文档')
    expect(text).toContain('项目「基本公共卫生服务项目」')
    for (const warning of warnings) expect(text).toContain(warning.message)
  })

  it('asks for the year the document does not state, and confirms only once it is chosen', async () => {
    const wrapper = mountPreview()
    expect(wrapper.text()).toContain('文档中没有写明年度，请选择')
    const confirm = wrapper.find('[data-test="import-confirm"]')
    expect(confirm.attributes('disabled')).toBeDefined()
    await wrapper.setProps({ year: 2022 })
    expect(confirm.attributes('disabled')).toBeUndefined()
    await confirm.trigger('click')
    expect(wrapper.emitted('confirm')).toHaveLength(1)
  })

  it('says which projects a re-import updates', () => {
    const wrapper = mountPreview({ year: 2022, storedCodes: new Set(['130207-22-0031']) })
    expect(wrapper.find('[data-test="preview-counts"]').text()).toContain('其中 1 个新增，1 个已导入过（将更新）')
    expect(wrapper.findAll('[data-test="preview-projects"] tbody tr').map((row) => row.findAll('td').at(-1)?.text())).toEqual(['更新', '新增'])
  })
})
