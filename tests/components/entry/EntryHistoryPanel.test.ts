import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import EntryHistoryPanel from '@/components/entry/EntryHistoryPanel.vue'
import { toHistoryRow } from '@/composables/useEntryHistory'
import type { ChangeRecord } from '@/db/records'
import type { Month } from '@/domain/types'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const change = (id: number, month: Month, oldValue: number, newValue: number): ChangeRecord => ({
  id,
  at: '2021-08-05T06:03:00.000Z',
  actor: '王会计',
  kind: 'spending',
  projectId: 'p',
  indicatorId: null,
  month,
  oldValue,
  newValue,
  summary: `${month}月支出`,
})

function mountPanel(locked: readonly Month[]) {
  const rows = [change(2, 7, 1_000_000, 2_000_000), change(1, 6, 500_000, 600_000)].map((c) => toHistoryRow(c, new Set(locked)))
  wrapper = mount(EntryHistoryPanel, { props: { rows, projectName: '法制工作专项经费' }, attachTo: document.body })
  return wrapper
}

async function messageBox(): Promise<HTMLElement> {
  for (let i = 0; i < 50; i++) {
    const box = document.querySelector<HTMLElement>('.el-message-box')
    if (box) return box
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error('no confirmation box')
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('EntryHistoryPanel', () => {
  it('names its project', () => {
    expect(mountPanel([]).get('[data-test="history-title"]').text()).toContain('法制工作专项经费')
  })

  it.each<[string, Month[], number]>([
    ['no month locked', [], 2],
    ['7月 locked', [7], 1],
    ['6月 and 7月 locked', [6, 7], 0],
  ])('hides 恢复为修改前 on the rows of a locked month (%s)', (_, locked, count) => {
    expect(mountPanel(locked).findAll('[data-test="history-restore"]')).toHaveLength(count)
  })

  it('asks before restoring, naming the month and the value, and restores only when confirmed', async () => {
    const w = mountPanel([])
    await w.findAll('[data-test="history-restore"]')[0]!.trigger('click')
    let box = await messageBox()
    expect(box.textContent).toContain('7月')
    expect(box.textContent).toContain('1.00 万元')
    box.querySelector<HTMLButtonElement>('.el-message-box__btns button:not(.el-button--primary)')!.click()
    await settle()
    expect(w.emitted('restore')).toBeUndefined()

    await w.findAll('[data-test="history-restore"]')[0]!.trigger('click')
    await settle()
    box = await messageBox()
    box.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')!.click()
    await settle()
    await nextTick()
    expect(w.emitted('restore')).toEqual([[2, 'old']])
  })
})
