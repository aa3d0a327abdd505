import { computed, shallowRef, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { ProjectTableQuery } from '@/domain/projectTable'
import type { AgendaListQuery } from '@/presenters/agendaList'

/**
 * The meeting page's own agenda state: which items are open, the list's query (status and search
 * text live in the URL, as the overview table's; the department to jump to is this page's own),
 * and going to the presentation.
 */
export function useMeetingAgendaState(table: Ref<ProjectTableQuery>) {
  const route = useRoute()
  const router = useRouter()
  const expanded = shallowRef<ReadonlySet<string>>(new Set())
  function toggle(projectId: string) {
    const next = new Set(expanded.value)
    if (!next.delete(projectId)) next.add(projectId)
    expanded.value = next
  }
  const agendaDepartment = shallowRef('')
  const agendaQuery = computed<AgendaListQuery>({
    get: () => ({ departmentCode: agendaDepartment.value, statuses: table.value.statuses, text: table.value.text }),
    set: (next) => {
      agendaDepartment.value = next.departmentCode
      if (next.statuses !== table.value.statuses || next.text !== table.value.text) table.value = { ...table.value, statuses: next.statuses, text: next.text }
    },
  })
  async function present() {
    // Full screen needs this click's user activation; the slides work in a window if refused.
    try {
      await document.documentElement.requestFullscreen?.()
    } catch {
      /* refused or unsupported: present in the window */
    }
    await router.push({ path: '/meeting/present', query: route.query })
  }
  return { expanded, toggle, agendaQuery, present }
}
