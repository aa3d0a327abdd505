import { normalizeLabel, parsePlainNumber } from '../normalize'
import { parseTarget } from '../parseTarget'
import { headerColumns, type Column } from './columns'
import { isStructuralRow, labelOf } from './labels'
import { inferredLevel1, placeByContent } from './placement'
import { failure, type Fail, type Warn } from './outcome'
import type { ProjectContext } from './segment'
import type { ParsedIndicator } from './types'

const LEVEL1_VALUE = /^(产出|效益|效果|满意度|成本)指标/
/** `产出指标(50分)`, `效益指标（权重30%）`: the group's weight, not part of its name. */
const WEIGHT_SUFFIX = /\s*[(（]\s*(?:权重|分值)?[:：]?\s*\d+(?:\.\d+)?\s*(?:分|%)?\s*[)）]\s*$/

/** A project's indicators in table order. */
export interface IndicatorsRead {
  readonly indicators: readonly ParsedIndicator[]
  /** Index after the table's last row. */
  readonly end: number
}

/**
 * Reads the indicator rows below the header at `headerIndex`, carrying merged 一级/二级 down;
 * every row without a 三级指标 and a table without rows are reported through `fail`, and
 * then `indicators` holds the readable rows only.
 */
export function readIndicators(ctx: ProjectContext, headerIndex: number, name: string, warn: Warn, fail: Fail): IndicatorsRead {
  const { rows, segment } = ctx
  const header = rows[headerIndex]
  const columns = header ? headerColumns(header) : null
  if (!header || !columns) {
    fail(failure('内部错误：指标表头丢失', 'internal: header lost', null, '', { project: name, field: '指标表' }))
    return { indicators: [], end: headerIndex + 1 }
  }
  const width = header.cells.length
  // Merged 一级/二级 cells may be left out entirely; they are always the leading columns.
  const leadingLevels = [columns.level1, columns.level2].filter((col) => col !== undefined && col < 2).length

  const indicators: ParsedIndicator[] = []
  let level1 = ''
  let level2 = ''
  let end = headerIndex + 1
  /** Indicator rows seen, readable or not (the Nth indicator of an error message). */
  let rowCount = 0
  for (let i = headerIndex + 1; i < segment.end; i++) {
    const row = rows[i]
    if (!row || isStructuralRow(row)) break
    if (row.cells.every((cell) => cell === '')) {
      end = i + 1
      continue
    }
    const legacy = alignRow(row.cells, width, leadingLevels)
    const placed = placeByContent(row.cells, legacy, columns, width, leadingLevels)
    if (placed === 'end') break
    if (placed.kind === 'unplaceable') {
      end = i + 1
      warn('指标表', `项目「${name}」第 ${row.line} 行「${row.cells.filter((c) => c !== '').join(' | ')}」无法按栏目对齐（${placed.reason}），未作为指标读取，请核对这一行`)
      continue
    }
    if (placed.kind === 'moved') {
      warn('指标表', `项目「${name}」第 ${row.line} 行${placed.reason}，已按单元格内容对齐`)
    }
    const { cells, offset } = placed
    const lineOf = (column: Column): number => {
      const col = columns[column]
      return col === undefined ? row.line : (row.cellLines[col - offset] ?? row.line)
    }
    end = i + 1
    const at = (column: Column): string => {
      const col = columns[column]
      return col === undefined ? '' : (cells[col] ?? '').trim()
    }

    const rowLevel1 = at('level1').replace(WEIGHT_SUFFIX, '')
    const rowLevel2 = at('level2').replace(WEIGHT_SUFFIX, '')
    if (rowLevel1 !== '') {
      // A new 一级 group starts a new 二级 group too: a merged cell never spans groups.
      if (rowLevel2 === '' && rowLevel1 !== level1) level2 = ''
      level1 = rowLevel1
    }
    if (rowLevel2 !== '') level2 = rowLevel2
    // A two-level table (no 一级 column): the group follows from its 二级 name.
    if (columns.twoLevel !== undefined && columns.level1 === undefined) level1 = inferredLevel1(level2)
    const indicatorName = at('name')
    rowCount++
    if (indicatorName === '') {
      fail(failure(
        `项目「${name}」的第 ${rowCount} 个指标没有三级指标名称`,
        `indicator ${rowCount} of project ${name} has no name (三级指标)`,
        lineOf('name'),
        '每个指标行都写明三级指标',
        { project: name, field: '三级指标' },
      ))
      continue
    }
    const where = `项目「${name}」指标「${indicatorName}」（第 ${lineOf('value')} 行）`
    if (columns.level1 !== undefined && level1 === '') warn('一级指标', `${where}没有一级指标`)
    if (columns.level2 !== undefined && level2 === '') warn('二级指标', `${where}没有二级指标`)

    const description = at('description')
    const raw = columns.value === undefined ? '' : (cells[columns.value] ?? '').trim()
    // The document's very last row, shorter than its header and without a value: cut off.
    if (i === rows.length - 1 && row.cells.length < width && raw === '') {
      fail(failure(
        `项目「${name}」的指标「${indicatorName}」在文档末尾中断，没有指标值（文档可能没有复制完整）`,
        `the document stops in the row of indicator ${indicatorName}`,
        row.line,
        '完整的最后一行，含指标值',
        { project: name, field: '指标值' },
      ))
      continue
    }
    const parsed = parseTarget(raw, {
      name: indicatorName,
      description,
      unit: at('unit'),
      nature: at('operator') || at('nature'),
      direction: at('direction'),
    })
    for (const message of parsed.warnings) warn('指标值', `${where}的${message}`)
    const weightText = normalizeLabel(at('weight')).replace(/(分|%)$/, '')
    indicators.push({
      order: indicators.length,
      level1,
      level2,
      name: indicatorName,
      description,
      target: parsed.target,
      basis: at('basis') || null,
      weight: weightText === '' ? null : parsePlainNumber(weightText),
    })
  }

  if (rowCount === 0) {
    const line = rows[Math.min(end, segment.end) - 1]?.endLine ?? header.line
    fail(failure(
      `项目「${name}」的指标表到此中断：表头之后没有指标行`,
      `the indicator table of project ${name} has no indicator rows`,
      line,
      '表头之后至少一行指标（三级指标、指标值）',
      { project: name, field: '指标表' },
    ))
  }
  return { indicators, end }
}

/**
 * Fits a row to the header's width. Too few cells: a row that starts with its 一级指标
 * lost trailing blanks; any other lost its merged leading 一级/二级 cells. Null when the
 * row cannot be an indicator row; offset = aligned index − source index.
 */
function alignRow(
  cells: readonly string[],
  width: number,
  leadingLevels: number,
): { cells: readonly string[]; offset: number } | null {
  if (cells.length >= width) return { cells: cells.slice(0, width), offset: 0 }
  const missing = width - cells.length
  const blanks: string[] = Array.from({ length: missing }, () => '')
  if (LEVEL1_VALUE.test(labelOf(cells[0] ?? ''))) return { cells: [...cells, ...blanks], offset: 0 }
  if (missing <= leadingLevels) return { cells: [...blanks, ...cells], offset: missing }
  return null
}
