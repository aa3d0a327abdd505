// The bureau's 报送情况 page: the listing of a year, deadlines, departments and offline packages.
import { shallowRef, type Ref } from 'vue'
import { describeApiError } from '@/api/client'
import { api } from '@/api/session'
import { useApiLoad } from './useApiLoad'
import type { StatusListing } from '@/api/types'

/** 报送情况 of `year` with the bureau's actions on it; every action reloads the listing. */
export function useBureauStatus(year: Ref<number>) {
  const listing = shallowRef<StatusListing | null>(null)
  const packageMessage = shallowRef<{ text: string; isError: boolean } | null>(null)
  const created = shallowRef<{ login: string; password: string | null } | null>(null)

  const { failure, isBusy, load, act } = useApiLoad(year, async () => {
    listing.value = await api.status(year.value)
  })

  return {
    listing, failure, isBusy, packageMessage, created, load,
    setDeadline: (month: number, deadline: string) => act(() => api.setDeadline(year.value, month, deadline)),
    createDepartment: (input: { code: string; name: string; login: string }) => act(async () => {
      const result = await api.createDepartment(input)
      created.value = { login: result.department.login ?? input.login, password: result.initialPassword ?? null }
    }),
    /** Checks a package's SHA-256 here first (a clear message for a changed byte), then uploads it. */
    uploadPackage: async (text: string, name: string) => {
      packageMessage.value = null
      const { readSubmissionPackage } = await import('@/schema/submission')
      const read = await readSubmissionPackage(text)
      if (!read.ok) {
        packageMessage.value = { text: `${name}：${read.message}`, isError: true }
        return
      }
      await act(async () => {
        try {
          const submission = await api.uploadPackage(text)
          packageMessage.value = { text: `已接收 ${submission.department.name} ${submission.year}年${submission.month}月报送（第 ${submission.revision} 版）。`, isError: false }
        } catch (error) {
          packageMessage.value = { text: `${name}：${describeApiError(error)}`, isError: true }
        }
      })
    },
  }
}
