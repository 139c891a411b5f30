import { EmptySchema } from '../../types/common'
import type { MembersApi } from '../../types/members'
import { action, defineFunction } from '../core/defineFunction'
import { notFound } from '../core/errors'

export const membersFunction = defineFunction<MembersApi>('members', {
  me: action({
    allow: 'member',
    input: EmptySchema,
    async handle(_input, { store, member }) {
      const unit = await store.get('units', member.unitId)
      if (!unit) throw notFound('所在分工会')
      return {
        id: member._id,
        name: member.name,
        unitId: member.unitId,
        unitName: unit.name,
        status: member.status,
        roles: ['member' as const, ...member.roles.filter((role) => role !== 'member')],
      }
    },
  }),

  units: action({
    allow: 'member',
    input: EmptySchema,
    async handle(_input, { store }) {
      const units = await store.find('units', {}, { sort: { order: 1 } })
      return units.map((unit) => ({ id: unit._id, name: unit.name }))
    },
  }),
})
