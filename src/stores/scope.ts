import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Month } from '@/domain/types'

/**
 * What the user is looking at: fiscal year, department (null = all) and as-of month
 * (null = the latest month with data).
 */
export const useScopeStore = defineStore('scope', () => {
  const year = ref<number | null>(null)
  const departmentCode = ref<string | null>(null)
  const month = ref<Month | null>(null)
  return { year, departmentCode, month }
})
