import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import RegisterProjectForm from '@/components/register/RegisterProjectForm.vue'
import DataImportHandEdits from '@/components/data/DataImportHandEdits.vue'
import { checkProjectDraft, type DraftErrors, type ProjectDraft } from '@/domain/projectRegister'
import { parseTarget } from '@/importers/parseTarget'
import { emptyIndicatorDraft, emptyProjectDraft } from '@/presenters/projectRegister'

function mountForm(draft: ProjectDraft, errors: DraftErrors = {}, confirmRemove = vi.fn(async () => true)) {
  const wrapper = mount(RegisterProjectForm, {
    props: {
      modelValue: draft,
      'onUpdate:modelValue': (next: ProjectDraft) => wrapper.setProps({ modelValue: next }),
      isNew: true,
      errors,
      isSaving: false,
      readTarget: parseTarget,
      confirmRemove,
    },
    attachTo: document.body,
  })
  return wrapper
}

const errorAt = (wrapper: ReturnType<typeof mountForm>, selector: string) => wrapper.find(`${selector} [data-test="field-error"]`).text()

describe('RegisterProjectForm', () => {
  it('shows each refusal of the rules at its own field, with what to do', async () => {
    const draft: ProjectDraft = {
      ...emptyProjectDraft(),
      name: '新项目',
      code: 'DUP',
      fiscalWan: '-3',
      plan: { 3: '50', 6: '40', 10: '', 12: '' },
      indicators: [{ ...emptyIndicatorDraft(), name: '办结率', targetRaw: '≥abc' }],
    }
    const result = checkProjectDraft(draft, new Set(['DUP']), parseTarget)
    const wrapper = mountForm(draft, result.ok ? {} : result.errors)
    await flushPromises()
    expect(errorAt(wrapper, '[data-field="code"]')).toContain('项目编码「DUP」已被本单位本年度的另一个项目使用')
    expect(errorAt(wrapper, '[data-field="fiscal"]')).toContain('财政资金不能为负数')
    expect(errorAt(wrapper, '[data-field="plan.6"]')).toContain('累计计划不能减少，请填写不小于 50 的数')
    expect(errorAt(wrapper, '[data-test="indicator-0"] [data-field="target"]')).toContain('指标值「≥abc」读不出数值')
    expect(wrapper.find('[data-field="name"] [data-test="field-error"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="register-form-errors"]').text()).toBe('有 4 处需要修改（见标红的栏目），未保存任何内容。')
    wrapper.unmount()
  })

  it('shows how a typed 指标值 is read, and adds and removes indicator rows', async () => {
    const confirmRemove = vi.fn(async () => true)
    const wrapper = mountForm({ ...emptyProjectDraft(), indicators: [{ ...emptyIndicatorDraft(), id: 'p#1', name: '受理数', targetRaw: '' }] }, {}, confirmRemove)
    await wrapper.find('[data-test="indicator-target"]').setValue('大于等于100件')
    expect(wrapper.find('[data-test="indicator-reading"]').text()).toBe('读作：≥ 100 件（累计）')
    await wrapper.find('[data-test="indicator-add"]').trigger('click')
    expect(wrapper.findAll('.register-indicator')).toHaveLength(2)
    await wrapper.findAll('[data-test="indicator-target"]')[1]!.setValue('≥98%')
    expect(wrapper.findAll('[data-test="indicator-reading"]')[1]!.text()).toBe('读作：≥ 98 %（时点）')
    // A stored indicator is removed only when confirmed; it stays in the draft, marked, to be archived on save.
    await wrapper.findAll('[data-test="indicator-remove"]')[0]!.trigger('click')
    await flushPromises()
    expect(confirmRemove).toHaveBeenCalledWith('受理数')
    expect(wrapper.findAll('.register-indicator')).toHaveLength(1)
    const draft = wrapper.props('modelValue')
    expect(draft.indicators.map((r) => [r.id, r.isRemoved])).toEqual([['p#1', true], [null, false]])
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('save')).toHaveLength(1)
    wrapper.unmount()
  })

  it('keeps a stored indicator when removal is not confirmed', async () => {
    const wrapper = mountForm({ ...emptyProjectDraft(), indicators: [{ ...emptyIndicatorDraft(), id: 'p#1', name: '受理数' }] }, {}, vi.fn(async () => false))
    await wrapper.find('[data-test="indicator-remove"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('.register-indicator')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('DataImportHandEdits', () => {
  it('lists each hand edit old → new and lets the user take the document per project', async () => {
    const wrapper = mount(DataImportHandEdits, {
      props: {
        edits: [{ index: 2, code: 'A', name: '法律援助经费', conflicts: [{ label: '项目名称', current: '法律援助（手改）', incoming: '法律援助经费' }] }],
        takeDocument: new Set<number>(),
      },
    })
    expect(wrapper.find('h4').text()).toBe('1 个项目在“项目管理”中改过，与本文档不同')
    expect(wrapper.find('[data-test="hand-edit-row"]').text()).toBe('项目名称法律援助（手改）法律援助经费')
    await wrapper.find('[data-test="hand-edits-take"] input').setValue(true)
    expect(wrapper.emitted('choose')).toEqual([[2, true]])
  })
})
