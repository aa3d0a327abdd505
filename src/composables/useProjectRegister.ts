import { computed, shallowRef } from 'vue'
import type { DraftErrors, ProjectDraft } from '@/domain/projectRegister'
import { departmentsInYear, EMPTY_CATALOG, observeCatalog, type Catalog } from '@/db/monitorRepository'
import {
  createProject,
  observeRegister,
  readTarget,
  RegisterRejectedError,
  restoreIndicator,
  saveProject,
  setProjectArchived,
  type RegisterEntry,
} from '@/db/projectRegisterRepository'
import { describeError } from '@/db/storageErrors'
import type { ScopeSelection } from './useScope'
import { useLiveQuery, type Subscribable } from './useLiveQuery'
import { useSettings } from './useSettings'

const NONE: Subscribable<RegisterEntry[]> = {
  subscribe(observer) {
    observer.next([])
    return { unsubscribe() {} }
  },
}

/** What a save gives back: ok, or the errors by field (DraftErrors; `form` for a storage failure). */
export type SaveResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly errors: DraftErrors }

/**
 * 项目管理 of the scope's department and year (from the URL; the first department when none is
 * chosen): its projects live (archived too), create / save / archive / restore, each in one
 * transaction and logged under the person's name.
 */
export function useProjectRegister(scope: ScopeSelection) {
  const settings = useSettings()
  const catalog = useLiveQuery<Catalog>(() => observeCatalog(), EMPTY_CATALOG)
  const year = computed(() => scope.year.value ?? catalog.data.value.years[0] ?? null)
  const departments = computed(() => departmentsInYear(catalog.data.value, year.value))
  const departmentCode = computed(() => scope.departmentCode.value ?? departments.value[0]?.code ?? null)
  const entries = useLiveQuery(() => {
    const y = year.value
    const d = departmentCode.value
    return y === null || d === null ? NONE : observeRegister(y, d)
  }, [] as RegisterEntry[])
  const isSaving = shallowRef(false)

  async function run(action: () => Promise<string>): Promise<SaveResult> {
    isSaving.value = true
    try {
      return { ok: true, id: await action() }
    } catch (error) {
      if (error instanceof RegisterRejectedError) return { ok: false, errors: error.errors }
      return { ok: false, errors: { form: `保存失败，未保存任何修改：${describeError(error)}` } }
    } finally {
      isSaving.value = false
    }
  }

  return {
    catalog: catalog.data,
    departments,
    departmentsInYear: (y: number) => departmentsInYear(catalog.data.value, y),
    year,
    departmentCode,
    entries: entries.data,
    isLoading: computed(() => catalog.isLoading.value || entries.isLoading.value),
    loadError: entries.error,
    isSaving,
    readTarget,
    create: (draft: ProjectDraft) =>
      run(() => {
        const y = year.value
        const d = departmentCode.value
        if (y === null || d === null) return Promise.reject(new RegisterRejectedError({ name: '请先在上方选择年度和单位' }))
        return createProject({ year: y, departmentCode: d }, draft, settings.actorOrAnonymous())
      }),
    save: (id: string, draft: ProjectDraft) => run(() => saveProject(id, draft, settings.actorOrAnonymous()).then(() => id)),
    setArchived: (id: string, isArchived: boolean) => run(() => setProjectArchived(id, isArchived, settings.actorOrAnonymous()).then(() => id)),
    restoreIndicator: (id: string) => run(() => restoreIndicator(id, settings.actorOrAnonymous()).then(() => id)),
  }
}
