import { formatWan, formatYuan, type MoneyUnit } from '@/domain/money'
import type { Fen } from '@/domain/types'

/**
 * 分 as an exact 万元 amount: at least 2 decimals, and as many more (up to 6, 1 分 =
 * 0.000001 万元) as needed, so that a preview never rounds what the document wrote.
 */
export function formatWanExact(fen: Fen): string {
  return formatWan(fen, 6).replace(/(\.\d\d\d*?)0+$/, '$1')
}

/** 分 exactly in the unit a document states its money in: 元 with 分, or 万元 (formatWanExact). */
export function formatDocumentAmount(fen: Fen, unit: MoneyUnit): string {
  return unit === 'yuan' ? formatYuan(fen) : formatWanExact(fen)
}

