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

function mountText(file: string, edit: (text: string) => string = (text) => text) {
  const parsed = parseDocument(edit(readFileSync(file, 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error.message)
  const { document, warnings } = parsed
  return mount(DataImportPreview, {
    props: {
      document,
      warnings,
      sourceLabel: '文本文件',
      fileName: 'doc.txt',
      linesAreRows: false,
      storedCodes: null,
      isSaving: false,
      yearChoices: [2023, 2022, 2021],
      year: null,
      department: document.department,
    },
  })
}

describe('DataImportPreview', () => {
  it('shows amounts exactly in the unit of the document (元), with 万元 beside', () => {
    const wrapper = mountText('tests/fixtures/pipe-yuan-2021-education.md')
    expect(wrapper.find('[data-test="preview-counts"]').text()).toMatch(/预算合计 1,646,500\.50 元（164\.65 万元）/)
    expect(wrapper.find('[data-test="preview-projects"] thead').text()).toContain('预算数（元）')
    const budgets = wrapper.findAll('[data-test="preview-projects"] tbody tr').map((row) => row.findAll('td')[2]?.text())
    expect(budgets[0]).toMatch(/^1,260,000\.00\s*126\.00 万元$/)
    expect(budgets[1]).toMatch(/^386,500\.50\s*38\.65 万元$/)
  })

  it('shows 万元 amounts with every decimal the document wrote', () => {
    const wrapper = mountText('tests/fixtures/tab-excel-2022-health.tsv', (text) => text.replace('128.60', '128.603456'))
    expect(wrapper.find('[data-test="preview-counts"]').text()).toContain('预算合计 173.603456 万元')
    expect(wrapper.findAll('[data-test="preview-projects"] tbody tr')[0]?.findAll('td')[2]?.text()).toBe('128.603456')
  })

  it('asks for the department the document lacks in the words of its warning', () => {
    const wrapper = mountText('tests/fixtures/tab-excel-2022-health.tsv', (text) => text.replace(/部门名称\t\[207014\]唐山市丰南区卫生健康局/g, ''))
    expect(wrapper.find('[data-test="preview-department-code"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('确认导入前请在预览中填写单位编码和名称')
    expect(wrapper.text()).toContain('文档中没有单位编码，请填写')
    expect(wrapper.text()).not.toContain('导入后补填')
  })

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

  it('shows the sheets of a workbook, the incomplete tables with what they lack, and 自编 codes to edit', async () => {
    const parsed = parseDocument(readFileSync('tests/fixtures/pipe-cut-2021-water.md', 'utf8'))
    if (!parsed.ok) throw new Error(parsed.error.message)
    const { document, warnings, incomplete } = parsed
    const sheets = [
      { name: '封面', projects: 0, incomplete: 0, note: '未找到任何项目' },
      { name: '水利', projects: 1, incomplete: 1, note: null },
    ]
    const wrapper = mount(DataImportPreview, {
      props: {
        document,
        warnings,
        incomplete,
        sheets,
        codes: document.projects.map((p) => p.code),
        codeProblem: null,
        sourceLabel: 'Excel 工作簿（.xlsx）',
        fileName: '水利局.xlsx',
        linesAreRows: false,
        storedCodes: null,
        isSaving: false,
        yearChoices: [2021],
        year: null,
        department: document.department,
      },
    })
    expect(wrapper.find('[data-test="preview-sheets"]').text()).toMatch(/封面\s*无项目表\s*水利\s*1 个项目\s*1 个不完整/)
    const incompleteList = wrapper.find('[data-test="preview-incomplete"]')
    expect(incompleteList.text()).toContain('1 个项目不完整，不会导入')
    expect(incompleteList.text()).toMatch(/河湖长制工作经费\s*第 15 行起\s*缺少或有误：指标值/)
    expect(incompleteList.text()).toContain('第 20 行：项目「河湖长制工作经费」的指标「巡河次」在文档末尾中断')
    expect(wrapper.find('[data-test="import-confirm"]').text()).toBe('导入 1 个完整项目')
    expect(wrapper.find('[data-test="preview-counts"]').text()).toMatch(/^1 个完整项目/)

    const code = wrapper.find('input[data-test="preview-generated-code"]')
    expect((code.element as HTMLInputElement).value).toBe(document.projects[0]?.code)
    expect(wrapper.find('.generated').text()).toContain('自编')
    await code.setValue('420704-SL-01')
    expect(wrapper.emitted('update-code')).toEqual([[0, '420704-SL-01']])

    await wrapper.setProps({ codeProblem: '项目「农村饮水安全维修养护」的项目编码为空，请填写' })
    expect(wrapper.find('[data-test="preview-code-problem"]').text()).toContain('项目编码为空')
    expect(wrapper.find('[data-test="import-confirm"]').attributes('disabled')).toBeDefined()
  })
})

describe('DataImportPreview with hand edits', () => {
  it('lists the hand edits a re-import would overwrite and passes the choice on', async () => {
    const { document, warnings } = parsedWithoutYear()
    const wrapper = mount(DataImportPreview, {
      props: {
        document, warnings, sourceLabel: '文本文件', fileName: '卫健局.txt', linesAreRows: false, storedCodes: new Set<string>(), isSaving: false,
        yearChoices: [2022], year: 2022, department: document.department,
        handEdits: [{ index: 0, code: document.projects[0]!.code, name: document.projects[0]!.name, conflicts: [{ label: '预算数', current: '130.00 万元', incoming: '128.60 万元' }] }],
        takeDocument: new Set<number>(),
      },
    })
    expect(wrapper.find('[data-test="preview-hand-edits"]').text()).toContain('预算数130.00 万元128.60 万元')
    await wrapper.find('[data-test="hand-edits-take"] input').setValue(true)
    expect(wrapper.emitted('take-document')).toEqual([[0, true]])
  })

  it('shows nothing about hand edits when there are none', () => {
    expect(mountPreview().find('[data-test="preview-hand-edits"]').exists()).toBe(false)
  })
})
