/**
 * Monthly actuals (January–July 2020) of the demo department, 315002 秦皇岛市北戴河区司法局,
 * for the five projects of its 2020 绩效目标表 (seed/000_de49ccc16f966567.txt).
 *
 * Chosen so that at 7月 the overview shows every kind of project a meeting discusses:
 * - 法律援助经费: on plan, indicators on track (绿);
 * - 人民调解员补贴: spending somewhat behind the 序时 fallback plan, one rate just missed (黄);
 * - 社区矫正经费: spending on plan but its 宣传场次 lag (黄, and a 双监控 mismatch);
 * - 法制工作专项经费 and 依法治区及普法宣传经费: spending far behind plan (红), each with an
 *   indicator nobody has reported yet (未填报).
 * Amounts are 万元 as a finance officer types them; the app converts them to exact 分.
 */

export interface DemoSpending {
  readonly projectCode: string
  /** Spending per month, January first, in 万元; null = not entered. */
  readonly monthly: readonly (string | null)[]
}

export interface DemoIndicatorSeries {
  readonly projectCode: string
  /** 三级指标 exactly as in the document. */
  readonly indicatorName: string
  /** The month's count (cumulative kinds) or the value measured that month (levels). */
  readonly monthly: readonly (number | null)[]
}

export interface DemoNote {
  readonly projectCode: string
  readonly month: number
  readonly reasons: readonly ('funding' | 'institution' | 'staffing' | 'facilities' | 'other')[]
  readonly explanation: string
  readonly likelihood: 'certain' | 'possible' | 'impossible' | null
  readonly actions: string
}

export const DEMO_SPENDING: readonly DemoSpending[] = [
  { projectCode: '315-0404-JBN-FLC6', monthly: ['0.20', '0.20', '0.25', '0.20', '0.25', '0.25', '0.30'] },
  { projectCode: '315-0403-JBN-QFV8', monthly: ['0', '0.10', '0.20', '0', '0.20', '0.15', '0.15'] },
  { projectCode: '315-0403-JBN-D7U5', monthly: ['0.45', '0.45', '0.45', '0.45', '0.45', '0.45', '0.45'] },
  { projectCode: '315-0403-JBN-RY3P', monthly: ['0.40', '0.50', '0.55', '0.45', '0.55', '0.50', '0.50'] },
  { projectCode: '315-0401-JBN-GH9H', monthly: ['0.05', '0.10', '0.15', '0.10', '0.10', '0.10', '0.10'] },
]

export const DEMO_INDICATORS: readonly DemoIndicatorSeries[] = [
  { projectCode: '315-0404-JBN-FLC6', indicatorName: '法律案件受理数', monthly: [8, 9, 10, 8, 9, 10, 9] },
  { projectCode: '315-0404-JBN-FLC6', indicatorName: '扩大法律援助覆盖面', monthly: [null, null, 97.5, null, null, 98.5, null] },
  { projectCode: '315-0404-JBN-FLC6', indicatorName: '法律顾问受理案件率', monthly: [null, null, 98, null, null, 99, null] },
  { projectCode: '315-0403-JBN-QFV8', indicatorName: '依法执政，合理执政', monthly: [null, null, 100, null, null, 100, null] },
  { projectCode: '315-0403-JBN-QFV8', indicatorName: '建设法只政府', monthly: [null, null, 96, null, null, 100, null] },
  // 制度建设和实施效果 has no entry: it is the demo's 未填报 indicator.
  { projectCode: '315-0403-JBN-D7U5', indicatorName: '人民调解案件数', monthly: [7, 8, 9, 8, 7, 8, 9] },
  { projectCode: '315-0403-JBN-D7U5', indicatorName: '群众矛盾降低率', monthly: [null, null, 94, null, null, 93, null] },
  { projectCode: '315-0403-JBN-D7U5', indicatorName: '人民调解工作满意率', monthly: [null, null, 96, null, null, 96, null] },
  { projectCode: '315-0403-JBN-RY3P', indicatorName: '社区矫正宣传场次', monthly: [1, 1, 1, 1, 1, 1, 1] },
  { projectCode: '315-0403-JBN-RY3P', indicatorName: '社区矫正培训对象', monthly: [null, null, 95, null, null, 96, null] },
  { projectCode: '315-0403-JBN-RY3P', indicatorName: '降低社区矫正对象重新犯罪', monthly: [null, null, 0.5, null, null, 0.8, null] },
  { projectCode: '315-0401-JBN-GH9H', indicatorName: '普法宣传资料印制', monthly: [null, null, 92, null, null, 90, null] },
  // 全区法律意识和素质率 is measured once a year and not reported yet.
  { projectCode: '315-0401-JBN-GH9H', indicatorName: '组织主题教育活动场次', monthly: [null, null, 96, null, null, 96, null] },
]

export const DEMO_NOTES: readonly DemoNote[] = [
  {
    projectCode: '315-0403-JBN-QFV8',
    month: 7,
    reasons: ['institution'],
    explanation: '法治政府建设第三方评估项目尚在采购，合同未签订，费用未结算。',
    likelihood: 'possible',
    actions: '8月底前完成采购并支付首期款；每月跟踪支付进度。',
  },
]
