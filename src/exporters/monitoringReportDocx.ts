/**
 * Writes the 监控报告 draft (.docx) of a round from the report model built in the domain
 * (buildMonitoringReport): this file only lays texts and tables out, it computes no figure.
 * docx is loaded with this module, on the first export only.
 */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { MonitoringReport, ReportBlock, ReportTable } from '@/domain/monitoringReport'
import type { Month } from '@/domain/types'

/** 仿宋/黑体 are what official documents use; Word and WPS fall back when a font is missing. */
const BODY_FONT = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' }
const HEADING_FONT = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' }
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' }
/** Sizes in half-points: 三号 16pt body, 小四 12pt tables, 二号 22pt title. */
const BODY_SIZE = 32
const TABLE_SIZE = 24
const TITLE_SIZE = 44

const border = { style: BorderStyle.SINGLE, size: 4, color: '666666' }
const borders = { top: border, bottom: border, left: border, right: border }

function cell(text: string, isHeader: boolean): TableCell {
  return new TableCell({
    borders,
    children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader, font: BODY_FONT, size: TABLE_SIZE })] })],
  })
}

function table(t: ReportTable): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) }),
      ...t.rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) })),
    ],
  })
}

function block(b: ReportBlock): Paragraph | Table {
  if (b.kind === 'table') return table(b.table)
  if (b.kind === 'subheading') {
    return new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: b.text, bold: true, font: BODY_FONT, size: BODY_SIZE })] })
  }
  // First-line indent of two characters, as official prose is set.
  return new Paragraph({ indent: { firstLine: BODY_SIZE * 20 }, spacing: { line: 560 }, children: [new TextRun({ text: b.text, font: BODY_FONT, size: BODY_SIZE })] })
}

/** The report as a Word document (.docx bytes), A4 portrait. */
export async function writeMonitoringReportDocx(report: MonitoringReport): Promise<ArrayBuffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: report.title, font: TITLE_FONT, size: TITLE_SIZE })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: report.subtitle, font: BODY_FONT, size: BODY_SIZE })] }),
  ]
  for (const section of report.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: section.heading, font: HEADING_FONT, size: BODY_SIZE, color: '000000' })] }))
    for (const b of section.blocks) children.push(block(b))
  }
  const document = new Document({
    title: report.title,
    creator: '预算绩效监控',
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  })
  return Packer.toArrayBuffer(document)
}

/** File name `部门预算绩效运行监控情况报告_2020年1-7月_315002.docx`. */
export function monitoringReportFileName(year: number, month: Month, departmentCode: string): string {
  return `部门预算绩效运行监控情况报告_${year}年1-${month}月_${departmentCode}.docx`
}
