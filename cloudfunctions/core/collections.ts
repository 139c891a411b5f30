/**
 * Every collection the functions use, its document type, and what the stores must index.
 * The SQLite adapter creates these indexes itself; for CloudBase the README lists them to create in the console.
 */
import type { MemberStatus, Role } from '../../types/members'
import type { NoticeAudience, NoticeCategory } from '../../types/notices'

export interface UnitDoc {
  _id: string
  name: string
  /** Colleges or departments this branch union covers. */
  departments: string[]
  order: number
}

export interface MemberDoc {
  _id: string
  staffNo: string
  name: string
  gender: 'male' | 'female'
  birthDate: string
  unitId: string
  phone: string
  status: MemberStatus
  roles: Role[]
  createdAt: string
}

/** A WeChat user bound to a member; `_id` is the OPENID, so one WeChat user binds at most once. */
export interface BindingDoc {
  _id: string
  memberId: string
  boundAt: string
}

export interface NoticeDoc {
  _id: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  pinnedUntil?: string
  audience: NoticeAudience
  publishAt: string
  withdrawn: boolean
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface NoticeReadDoc {
  _id: string
  noticeId: string
  memberId: string
  readAt: string
}

interface CollectionTypes {
  units: UnitDoc
  members: MemberDoc
  bindings: BindingDoc
  notices: NoticeDoc
  noticeReads: NoticeReadDoc
}

export type CollectionName = keyof CollectionTypes
export type DocOf<C extends CollectionName> = CollectionTypes[C]

export interface CollectionDefinition {
  /** Field paths queries filter or sort on; each list is one (compound) index. */
  indexes: string[][]
  /** Field paths whose combined value is unique. */
  unique: string[][]
  /** Paths holding arrays: `{ path: x }` matches when an element equals x. */
  arrays: string[]
}

export const COLLECTIONS: Record<CollectionName, CollectionDefinition> = {
  units: { indexes: [['order']], unique: [['name']], arrays: [] },
  members: { indexes: [['unitId'], ['name']], unique: [['staffNo']], arrays: ['roles'] },
  bindings: { indexes: [], unique: [['memberId']], arrays: [] },
  notices: {
    indexes: [['withdrawn', 'publishAt'], ['pinned', 'publishAt']],
    unique: [],
    arrays: ['audience.unitIds'],
  },
  noticeReads: { indexes: [['memberId']], unique: [['noticeId', 'memberId']], arrays: [] },
}
