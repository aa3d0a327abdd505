import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ExportSignOffDialog from '@/components/export/ExportSignOffDialog.vue'
import type { SignOff } from '@/domain/signOff'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const INITIAL: SignOff = { preparer: '王会计', phone: '', unitHead: '', financeHead: '', date: '' }

async function mountDialog(initial: SignOff | null = INITIAL) {
  wrapper = mount(ExportSignOffDialog, {
    props: { modelValue: false, initial, isBusy: false, departmentName: '秦皇岛市北戴河区司法局', today: '2020-08-10' },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await nextTick()
  return wrapper
}

const field = (name: string) => document.querySelector<HTMLInputElement>(`[data-test="signoff-${name}"]`)!
async function type(name: string, text: string) {
  const input = field(name)
  input.value = text
  input.dispatchEvent(new Event('input'))
  await nextTick()
}
async function press(name: string) {
  document.querySelector<HTMLElement>(`[data-test="signoff-${name}"]`)!.click()
  await nextTick()
}

describe('ExportSignOffDialog: 填报人, 联系电话, 单位负责人, 财务负责人, 填报日期 before the export', () => {
  it('starts from the department’s block (填报人 prefilled) and exports what was typed, trimmed', async () => {
    const w = await mountDialog()
    expect(field('preparer').value).toBe('王会计')
    await type('phone', ' 0335-4041234 ')
    await type('unitHead', '赵局长')
    await press('confirm')
    expect(w.emitted('confirm')).toEqual([[{ preparer: '王会计', phone: '0335-4041234', unitHead: '赵局长', financeHead: '', date: '' }]])
  })

  it('says what is wrong at the field and exports nothing', async () => {
    const w = await mountDialog()
    await type('phone', '电话0335')
    await press('confirm')
    await flushPromises()
    expect(w.emitted('confirm')).toBeUndefined()
    expect(document.body.textContent).toContain('联系电话只能包含数字、空格、-、+、括号和“转”')
  })

  it('offers the export day as the default 填报日期', async () => {
    await mountDialog(null)
    const inputs = [...document.querySelectorAll<HTMLInputElement>('.el-dialog input')]
    expect(inputs.map((i) => i.getAttribute('placeholder'))).toContain('留空为导出当天（2020-08-10）')
  })
})
