import type { DocumentParseError, DocumentParseResult, ImportWarning } from './types'

/** Records a guess about one cell of the current project (field = the cell's label). */
export type Warn = (field: string, message: string) => void

/** Records an error that blocks the import; reading goes on so that every error is reported at once. */
export type Fail = (error: DocumentParseError) => void

/** Where an error is: the project (name, or code when unnamed) and the cell. */
export interface ErrorPlace {
  readonly project: string
  readonly field: string
}

/** A parse error with its message in Chinese then English, prefixed with the line when known. */
export function failure(zh: string, en: string, line: number | null, expected: string, place?: ErrorPlace): DocumentParseError {
  const where = line === null ? { zh: '', en: '' } : { zh: `第 ${line} 行：`, en: `line ${line}: ` }
  return { message: `${where.zh}${zh} / ${where.en}${en}`, line, expected, ...place }
}

/** A failed parse with one error (the document as a whole could not be read). */
export function failedResult(error: DocumentParseError, warnings: readonly ImportWarning[] = []): DocumentParseResult {
  return { ok: false, error, errors: [error], warnings, incomplete: [] }
}
