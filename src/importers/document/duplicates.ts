import { failure } from './outcome'
import type { ProjectRead } from './project'
import type { ImportWarning, ParsedProject } from './types'

/** The projects left once repeated tables are merged, and what the repeats were. */
export interface DuplicateCheck {
  /** A table whose code another table already uses carries that as one of its errors. */
  readonly reads: readonly ProjectRead[]
  readonly warnings: readonly ImportWarning[]
}

/** A project's content without where it stands, to tell a repeated table from another project. */
function contentOf(project: ParsedProject): string {
  return JSON.stringify({ ...project, line: 0 })
}

/**
 * Finds 项目编码 used by more than one table. The store keys a project by year, department
 * and code, so two different tables with one code would overwrite each other on import:
 * the later one gets an error naming both (it is left out, the first is importable). The
 * same table pasted twice is harmless: a warning, and one project. Two different forms
 * without 项目编码 under one name get distinct generated codes (`-2`). Linear in the number of projects.
 */
export function checkDuplicateCodes(reads: readonly ProjectRead[]): DuplicateCheck {
  const firstByCode = new Map<string, ProjectRead>()
  const kept: ProjectRead[] = []
  const warnings: ImportWarning[] = []
  for (const original of reads) {
    let read = original
    const first = read.code === '' ? undefined : firstByCode.get(read.code)
    if (first && read.isCodeGenerated && !isSame(first, read)) read = withSuffix(read, firstByCode)
    const earlier = read.code === '' ? undefined : firstByCode.get(read.code)
    if (!earlier) {
      if (read.code !== '') firstByCode.set(read.code, read)
      kept.push(read)
      continue
    }
    if (isSame(earlier, read)) {
      warnings.push({
        project: earlier.name,
        field: '项目编码',
        message: `项目「${earlier.name}」（项目编码 ${read.code}）的绩效目标表在第 ${earlier.line} 行和第 ${read.line} 行出现两次，内容完全相同，按一个项目导入`,
      })
      continue
    }
    const error = failure(
      `项目编码 ${read.code} 重复：第 ${earlier.line} 行「${earlier.name}」与第 ${read.line} 行「${read.name}」；同一年度、单位下项目按编码保存，导入后一个会覆盖另一个`,
      `project code ${read.code} is used by two different tables (lines ${earlier.line} and ${read.line})`,
      read.codeLine,
      '每个项目的项目编码唯一；同一项目只保留一张绩效目标表',
      { project: read.name, field: '项目编码' },
    )
    kept.push({ ...read, project: null, errors: [...read.errors, error] })
  }
  return { reads: kept, warnings }
}

function isSame(a: ProjectRead, b: ProjectRead): boolean {
  return a.project !== null && b.project !== null && contentOf(a.project) === contentOf(b.project)
}

/** The read with the first free `code-N`. */
function withSuffix(read: ProjectRead, taken: ReadonlyMap<string, ProjectRead>): ProjectRead {
  let n = 2
  while (taken.has(`${read.code}-${n}`)) n++
  const code = `${read.code}-${n}`
  return { ...read, code, project: read.project ? { ...read.project, code } : null }
}
