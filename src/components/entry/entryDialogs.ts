/**
 * Element Plus message boxes of the 录入 pages. Imported explicitly (with their CSS) because
 * unplugin-vue-components only resolves components used in templates, not these APIs.
 */
import { ElMessage, ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'

/** Asks to confirm saving spending above 预算数; resolves true to save. */
export async function confirmOverBudget(message: string): Promise<boolean> {
  // The box renders on the next ticks and its focus trap then focuses the box itself.
  setTimeout(() => document.querySelector<HTMLElement>('.entry-over-budget-box .entry-over-budget-cancel')?.focus(), 0)
  try {
    await ElMessageBox.confirm(message, '超预算，确认保存？', {
      confirmButtonText: '确认保存',
      cancelButtonText: '不保存',
      type: 'warning',
      customClass: 'entry-over-budget-box',
      cancelButtonClass: 'entry-over-budget-cancel',
      // Focus starts on 不保存, not on 确认保存: one more Enter (e.g. 1234.5 typed as 元 in 万元
      // mode) must not store an amount above 预算数. Confirming takes a deliberate Tab or click.
      autofocus: false,
    })
    return true
  } catch {
    return false
  }
}

/** Asks to confirm marking a month 已报送. */
export async function confirmLock(month: number): Promise<boolean> {
  try {
    await ElMessageBox.confirm(`标记后，${month}月的支出、指标和监控说明都将锁定，不能再修改，直到有人「重新打开」（会记入修改记录）。`, `标记${month}月已报送？`, {
      confirmButtonText: '标记已报送',
      cancelButtonText: '取消',
    })
    return true
  } catch {
    return false
  }
}

/** Asks why a 已报送 month is reopened; resolves the reason, or null when cancelled. */
export async function promptReopen(month: number): Promise<string | null> {
  try {
    const { value } = await ElMessageBox.prompt('重新打开后可以修改本月数据，重新打开会记入修改记录。请简要说明原因：', `重新打开${month}月？`, {
      confirmButtonText: '重新打开',
      cancelButtonText: '取消',
      inputPlaceholder: '如：更正8月支出',
      // The reason goes into the change log: an empty one is not accepted.
      inputValidator: (text: string) => (text ?? '').trim() !== '' || '请填写原因：它会记入修改记录。',
    })
    return (value ?? '').trim()
  } catch {
    return null
  }
}

/** Asks to confirm restoring a history row's earlier value; resolves true to restore. */
export async function confirmRestore(row: { readonly month: number | null; readonly summary: string; readonly oldText: string; readonly newText: string }): Promise<boolean> {
  const month = row.month === null ? '' : `${row.month}月`
  try {
    await ElMessageBox.confirm(`把「${row.summary}」恢复为修改前的值：${row.oldText}（现在是 ${row.newText}）。恢复会记入修改记录，可以撤销。`, `恢复${month}的值？`, {
      confirmButtonText: '恢复',
      cancelButtonText: '取消',
      type: 'warning',
    })
    return true
  } catch {
    return false
  }
}

/** Asks to leave a page while some cells hold unsaved (refused) text. */
export async function confirmLeave(count: number): Promise<boolean> {
  try {
    await ElMessageBox.confirm(`有 ${count} 个单元格的内容未能保存（红框）。离开后这些内容会丢失。`, '离开本页？', {
      confirmButtonText: '仍然离开',
      cancelButtonText: '留下修改',
      type: 'warning',
      // Browser Back changes the hash before the guard asks: by default the box would close
      // itself on that hashchange, the guard would read it as 留下修改, and the answer would be lost.
      closeOnHashChange: false,
    })
    return true
  } catch {
    return false
  }
}

/** Shows a short message (success or error). */
export function showEntryMessage(message: string, type: 'success' | 'error' | 'info' = 'info'): void {
  ElMessage({ message, type, grouping: true })
}
