import { ElMessageBox } from 'element-plus'
import 'element-plus/es/components/message-box/style/css'
import { adjustmentKindLabel, type BudgetAdjustment } from '@/domain/budgetAdjustment'
import { formatTarget } from '@/domain/indicatorFormat'
import { formatWan } from '@/domain/money'
import { targetOfVersion, type TargetAdjustment } from '@/domain/targetAdjustment'
import type { useProjectAdjustments } from './useProjectAdjustments'

/** Asks before a delete; the answer is a boolean (closing the box is 取消). */
const confirmDelete = (message: string, title: string) =>
  ElMessageBox.confirm(message, title, { confirmButtonText: '删除', cancelButtonText: '取消', type: 'warning' }).then(
    () => true,
    () => false,
  )

/**
 * The project page's deletes of a 预算调整 (a 调剂 with both its rows) and of a target version:
 * each asks first, saying what changes, then removes through the page's adjustments.
 */
export function useAdjustmentRemovals(adjust: Pick<ReturnType<typeof useProjectAdjustments>, 'removeBudget' | 'removeTarget'>) {
  async function removeBudget(a: BudgetAdjustment): Promise<void> {
    const amount = formatWan(Math.abs(a.fiscal + a.other))
    const both = a.transferGroup === null ? '' : '调剂的调出和调入两笔会一起删除。'
    const message = `删除 ${a.date} 的${adjustmentKindLabel(a)} ${amount} 万元${a.documentNo ? `（${a.documentNo}）` : ''}？${both}此后各月的调整后预算数和执行率随之改变；已报送月份仍按报送时显示。删除会记入修改记录。`
    if (await confirmDelete(message, '删除预算调整？')) await adjust.removeBudget(a.id as number)
  }
  async function removeTarget(v: TargetAdjustment, indicatorName: string): Promise<void> {
    const message = `删除「${indicatorName}」${v.month}月起的调整后目标 ${formatTarget(targetOfVersion(v))}？删除后${v.month}月起按上一版本（或原目标）判定；已报送月份仍按报送时显示。删除会记入修改记录。`
    if (await confirmDelete(message, '删除调整后目标？')) await adjust.removeTarget(v.id as number)
  }
  return { removeBudget, removeTarget }
}
