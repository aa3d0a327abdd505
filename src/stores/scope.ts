import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { DEFAULT_TABLE_QUERY, type ProjectTableQuery } from '@/domain/projectTable'
import type { Month } from '@/domain/types'

/**
 * What the user is looking at: fiscal year, department (null = all) and as-of month
 * (null = the latest month with data), plus how the overview's project table is sorted,
 * filtered and paged, so coming back from a project shows the same list.
 */
export const useScopeStore = defineStore('scope', () => {
  const year = ref<number | null>(null)
  const departmentCode = ref<string | null>(null)
  const month = ref<Month | null>(null)
  const tableQuery = shallowRef<ProjectTableQuery>(DEFAULT_TABLE_QUERY)
  const tablePage = ref(1)
  return { year, departmentCode, month, tableQuery, tablePage }
})
