import { computed, shallowRef, watch } from 'vue'
import { findStoredProjectCodes } from '@/db/importHistoryRepository'
import { findHandEdits, importDocument, type ImportSummary } from '@/db/importRepository'
import type { HandEditedProject } from '@/domain/handEdits'
import { getSettings } from '@/db/settingsRepository'
import { describeError } from '@/db/storageErrors'
import type { Department } from '@/domain/types'
import {
  parseDocument,
  parseDocumentRows,
  type DocumentParseError,
  type ImportWarning,
  type IncompleteProject,
  type ParsedDocument,
} from '@/importers/document'
import { ENCODING_LABELS } from '@/importers/decodeText'
import { parseHtmlTables } from '@/importers/docx'
import { MAX_DOCUMENT_BYTES, readDocumentFile, type DocumentFileRead } from '@/importers/documentFile'
import { checkProjectCodes } from '@/importers/projectCodes'
import type { SheetSummary } from '@/importers/workbook'

/** Where the document came from, shown in the preview. */
export interface ImportSource {
  readonly fileName: string
  /** e.g. Word 文档 (.docx), 文本文件（GBK / GB18030）, 粘贴的表格. */
  readonly label: string
  /** True for a .docx or pasted HTML: its "lines" count paragraphs and table rows. */
  readonly linesAreRows: boolean
}

export interface ImportPreview {
  readonly source: ImportSource
  /** The complete projects only: what confirm stores. */
  readonly document: ParsedDocument
  readonly warnings: readonly ImportWarning[]
  /** Tables left out, with what they lack and where. */
  readonly incomplete: readonly IncompleteProject[]
  /** The worksheets of an .xlsx; null for other sources. */
  readonly sheets: readonly SheetSummary[] | null
}

/** The import's step: pick a source → read → preview → save → done (or failed). */
export type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly fileName: string; readonly stage: string }
  | { readonly step: 'preview'; readonly preview: ImportPreview; readonly isSaving: boolean }
  | { readonly step: 'done'; readonly summary: ImportSummary; readonly departmentName: string; readonly fileName: string }
  | {
      readonly step: 'failed'
      readonly source: ImportSource | null
      /** Every blocking error, in document order (one when the file itself is unreadable). */
      readonly errors: readonly DocumentParseError[]
      /** Warnings of the projects that could be read, to fix in the same round. */
      readonly warnings: readonly ImportWarning[]
    }

/** Lets the browser paint the busy state before a long synchronous step. */
const nextFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

function sourceOf(fileName: string, read: DocumentFileRead): ImportSource {
  if (read.kind === 'docx') return { fileName, label: 'Word 文档（.docx）', linesAreRows: true }
  // An .xlsx's lines are the rows of its sheets, as Excel numbers them.
  if (read.kind === 'xlsx') return { fileName, label: 'Excel 工作簿（.xlsx）', linesAreRows: false }
  const encoding = read.encoding ? `，${ENCODING_LABELS[read.encoding]} 编码` : ''
  return { fileName, label: `文本文件${encoding}`, linesAreRows: false }
}

function failureOf(cause: unknown): DocumentParseError {
  const detail = describeError(cause)
  return { message: detail, line: null, expected: '检查文件后重试；问题持续时请把文件和这段提示发给技术支持' }
}

/**
 * The 导入绩效目标表 flow: reads a file (.docx, .xlsx, text in UTF-8/GBK) or pasted text (its
 * HTML flavour when there is one), holds the preview with the user's year/department choices
 * and project codes (自编 ones editable), and stores the complete projects in one
 * transaction on confirm; the incomplete ones are listed, never stored.
 */
export function useImportDocument() {
  const state = shallowRef<ImportState>({ step: 'idle' })
  /** Year chosen by the user when the document states none. */
  const chosenYear = shallowRef<number | null>(null)
  /** Department as it will be stored (editable when the document lacks its code). */
  const department = shallowRef<Department>({ code: '', name: '' })
  /** Project codes already stored for the chosen year and department (null while unknown). */
  const storedCodes = shallowRef<ReadonlySet<string> | null>(null)
  /** The code each complete project will be stored under, in document order (自编 ones editable). */
  const projectCodes = shallowRef<readonly string[]>([])
  /** Projects edited by hand (项目管理) whose edits the document would overwrite (null while unknown). */
  const handEdits = shallowRef<readonly HandEditedProject[] | null>(null)
  /** Indexes of those projects whose document values the user chose over the hand edits (default: none). */
  const takeDocument = shallowRef<ReadonlySet<number>>(new Set())

  // The fiscal years a document may be for: two ahead (预算 is drafted a year early) and ten back.
  const thisYear = new Date().getFullYear()
  const yearChoices = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i)
  const preview = computed(() => (state.value.step === 'preview' ? state.value.preview : null))
  const year = computed(() => preview.value?.document.year ?? chosenYear.value)
  /** Why the codes cannot be stored as they are, or null. */
  const codeProblem = computed(() => {
    const current = preview.value
    return current ? checkProjectCodes(projectCodes.value, current.document.projects.map((p) => p.name)) : null
  })

  const showPreview = (source: ImportSource, read: DocumentFileRead['result'], sheets: DocumentFileRead['sheets'] = null) => {
    if (!read.ok) {
      state.value = { step: 'failed', source, errors: read.errors, warnings: read.warnings }
      return
    }
    chosenYear.value = null
    department.value = read.document.department
    projectCodes.value = read.document.projects.map((p) => p.code)
    const preview = { source, document: read.document, warnings: read.warnings, incomplete: read.incomplete, sheets }
    state.value = { step: 'preview', preview, isSaving: false }
  }

  /** The document's projects under the codes they will be stored with. */
  const codedProjects = (document: ParsedDocument) =>
    document.projects.map((project, i) => ({ ...project, code: (projectCodes.value[i] ?? project.code).trim() }))

  /** Chooses, for one project edited by hand, the document's values (true) or the hand edits (false, default). */
  function setTakeDocument(index: number, isTaking: boolean): void {
    const next = new Set(takeDocument.value)
    if (isTaking) next.add(index)
    else next.delete(index)
    takeDocument.value = next
  }

  function setProjectCode(index: number, code: string): void {
    projectCodes.value = projectCodes.value.map((old, i) => (i === index ? code : old))
  }

  async function readFile(file: File): Promise<void> {
    if (file.size > MAX_DOCUMENT_BYTES) {
      state.value = {
        step: 'failed',
        source: { fileName: file.name, label: '', linesAreRows: false },
        errors: [{ message: `文件有 ${Math.round(file.size / 1024 / 1024)} MB，过大，不像绩效目标表`, line: null, expected: '选择部门预算绩效信息的 Word 文件或文本文件（一般小于 10 MB）' }],
        warnings: [],
      }
      return
    }
    state.value = { step: 'reading', fileName: file.name, stage: '正在读取文件…' }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
      const isWorkbook = /\.xls[xm]$/i.test(file.name)
      const stage = isZip ? (isWorkbook ? '正在打开 Excel 工作簿并读取各工作表…' : '正在打开 Word 文档并读取表格…') : '正在解析绩效目标表…'
      state.value = { step: 'reading', fileName: file.name, stage }
      await nextFrame()
      const read = await readDocumentFile(bytes, file.name)
      showPreview(sourceOf(file.name, read), read.result, read.sheets)
    } catch (cause) {
      state.value = { step: 'failed', source: { fileName: file.name, label: '', linesAreRows: false }, errors: [failureOf(cause)], warnings: [] }
    }
  }

  /** Pasted text; `html` is the clipboard's HTML when it holds a table (Word/WPS/Excel keep merged cells there). */
  async function readPasted(text: string, html: string | null = null): Promise<void> {
    const fileName = '粘贴的表格'
    state.value = { step: 'reading', fileName, stage: '正在解析粘贴的内容…' }
    await nextFrame()
    if (html !== null && /<table/i.test(html)) {
      const source = { fileName, label: '粘贴的表格，按原表格的单元格读取', linesAreRows: true }
      showPreview(source, parseDocumentRows(parseHtmlTables(html)))
    } else {
      showPreview({ fileName, label: '粘贴的文本', linesAreRows: false }, parseDocument(text))
    }
  }

  async function confirm(): Promise<void> {
    const current = state.value
    if (current.step !== 'preview' || current.isSaving || year.value === null || codeProblem.value !== null) return
    state.value = { ...current, isSaving: true }
    const { document, warnings, source } = current.preview
    const projects = codedProjects(document)
    const taken = new Set(projects.flatMap((project, i) => (takeDocument.value.has(i) ? [project.code] : [])))
    try {
      const { actor } = await getSettings()
      const summary = await importDocument(
        { ...document, projects, department: department.value },
        { fileName: source.fileName, actor: actor || '导入', year: year.value, warningCount: warnings.length, takeDocument: taken },
      )
      state.value = { step: 'done', summary, departmentName: department.value.name, fileName: source.fileName }
    } catch (cause) {
      state.value = { step: 'failed', source, errors: [failureOf(cause)], warnings: [] }
    }
  }

  function reset(): void {
    state.value = { step: 'idle' }
    storedCodes.value = null
  }

  // Which projects already exist decides 新增 vs 更新 in the preview; re-asked when year or code changes.
  watch(
    () => [preview.value, year.value, department.value.code, projectCodes.value] as const,
    async ([current, selectedYear, code], _old, onCleanup) => {
      let isStale = false
      onCleanup(() => (isStale = true))
      storedCodes.value = null
      handEdits.value = null
      if (!current || selectedYear === null || code.trim() === '') return
      const codes = await findStoredProjectCodes(selectedYear, code.trim())
      const edits = await findHandEdits({ projects: codedProjects(current.document) }, selectedYear, code.trim())
      if (isStale) return
      storedCodes.value = codes
      handEdits.value = edits
      takeDocument.value = new Set()
    },
  )

  return {
    state,
    chosenYear,
    department,
    year,
    yearChoices,
    storedCodes,
    handEdits,
    takeDocument,
    setTakeDocument,
    projectCodes,
    codeProblem,
    setProjectCode,
    readFile,
    readPasted,
    confirm,
    reset,
  }
}
