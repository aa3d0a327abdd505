import { failure } from './outcome'
import type { ProjectRead } from './project'
import type { DocumentParseError, ImportWarning, ParsedProject } from './types'

/** The projects left once repeated tables are merged, and what the repeats were. */
export interface DuplicateCheck {
  readonly reads: readonly ProjectRead[]
  readonly errors: readonly DocumentParseError[]
  readonly warnings: readonly ImportWarning[]
}

/** A project's content without where it stands, to tell a repeated table from another project. */
function contentOf(project: ParsedProject): string {
  return JSON.stringify({ ...project, line: 0 })
}

/**
 * Finds 项目编码 used by more than one table. The store keys a project by year, department
 * and code, so two different tables with one code would overwrite each other on import:
 * an error naming both. The same table pasted twice is harmless: a warning, and one project.
 * Linear in the number of projects.
 */
export function checkDuplicateCodes(reads: readonly ProjectRead[]): DuplicateCheck {
  const firstByCode = new Map<string, ProjectRead>()
  const kept: ProjectRead[] = []
  const errors: DocumentParseError[] = []
  const warnings: ImportWarning[] = []
  for (const read of reads) {
    const first = read.code === '' ? undefined : firstByCode.get(read.code)
    if (!first) {
      if (read.code !== '') firstByCode.set(read.code, read)
      kept.push(read)
      continue
    }
    const isSameTable = first.project !== null && read.project !== null && contentOf(first.project) === contentOf(read.project)
    if (isSameTable) {
      warnings.push({
        project: first.name,
        field: '项目编码',
        message: `项目「${first.name}」（项目编码 ${read.code}）的绩效目标表在第 ${first.line} 行和第 ${read.line} 行出现两次，内容完全相同，按一个项目导入`,
      })
      continue
    }
    kept.push(read)
    errors.push(failure(
      `项目编码 ${read.code} 重复：第 ${first.line} 行「${first.name}」与第 ${read.line} 行「${read.name}」；同一年度、单位下项目按编码保存，导入后一个会覆盖另一个`,
      `project code ${read.code} is used by two different tables (lines ${first.line} and ${read.line})`,
      read.codeLine,
      '每个项目的项目编码唯一；同一项目只保留一张绩效目标表',
      { project: read.name, field: '项目编码' },
    ))
  }
  return { reads: kept, errors, warnings }
}
