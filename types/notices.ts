import * as v from 'valibot'
import { IdSchema, PageSchema, type Page } from './common'

export const NOTICE_CATEGORIES = ['notice', 'publicity', 'event', 'benefit', 'congress'] as const
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = {
  notice: '通知',
  publicity: '公示',
  event: '活动',
  benefit: '福利',
  congress: '教代会',
}

export const TITLE_MAX = 60
export const BODY_MAX = 10_000
export const AUDIENCE_UNITS_MAX = 100
/** How far ahead a notice may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90

export type NoticeAudience = { kind: 'all' } | { kind: 'units'; unitIds: string[] }

/** What a member sees in a list. */
export interface NoticeSummary {
  id: string
  title: string
  category: NoticeCategory
  pinned: boolean
  publishAt: string
  excerpt: string
  read: boolean
}

export interface NoticeDetail extends Omit<NoticeSummary, 'excerpt' | 'read'> {
  body: string
  /** Chinese unit names when targeted, empty for everyone. */
  audienceUnitNames: string[]
}

export type NoticeState = 'scheduled' | 'published' | 'withdrawn'

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  published: '已发布',
  scheduled: '定时发布',
  withdrawn: '已撤回',
}

/** What union office staff see in the management list. */
export interface AdminNoticeRow {
  id: string
  title: string
  category: NoticeCategory
  pinned: boolean
  publishAt: string
  state: NoticeState
  audience: NoticeAudience
  readCount: number
}

/** Everything the edit form needs. */
export interface NoticeDraft {
  id: string
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  pinnedUntil?: string
  audience: NoticeAudience
  publishAt: string
  state: NoticeState
}

const TitleSchema = v.pipe(
  v.string('标题须为文字'),
  v.trim(),
  v.minLength(1, '请填写标题'),
  v.maxLength(TITLE_MAX, `标题不能超过 ${TITLE_MAX} 个字`),
)

const BodySchema = v.pipe(
  v.string('正文须为文字'),
  v.trim(),
  v.minLength(1, '请填写正文'),
  v.maxLength(BODY_MAX, `正文不能超过 ${BODY_MAX} 个字`),
)

const CategorySchema = v.picklist(NOTICE_CATEGORIES, '请选择栏目')

const AudienceSchema = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('all') }),
    v.strictObject(
      {
        kind: v.literal('units'),
        unitIds: v.pipe(
          v.array(IdSchema, '请选择分工会'),
          v.minLength(1, '请至少选择一个分工会'),
          v.maxLength(AUDIENCE_UNITS_MAX, `最多选择 ${AUDIENCE_UNITS_MAX} 个分工会`),
        ),
      },
    ),
  ],
  '请选择发布范围',
)

const PublishAtSchema = v.pipe(
  v.string('发布时间须为文字'),
  v.isoTimestamp('发布时间格式不正确'),
)

export const NoticeInputSchema = v.strictObject(
  {
    title: TitleSchema,
    body: BodySchema,
    category: CategorySchema,
    pinned: v.boolean('置顶须为是或否'),
    /** When a pinned notice stops being pinned; omitted: until unpinned by hand. */
    pinnedUntil: v.optional(v.pipe(v.string('置顶期限须为文字'), v.isoTimestamp('置顶期限格式不正确'))),
    audience: AudienceSchema,
    /** Omitted: publish now. In the future: scheduled. */
    publishAt: v.optional(PublishAtSchema),
  })
export type NoticeInput = v.InferInput<typeof NoticeInputSchema>

/** Publishing may also tell the notice's audience (同时发送消息提醒): in their inbox, and on WeChat where subscribed. */
export const NoticePublishSchema = v.strictObject({
  ...NoticeInputSchema.entries,
  notify: v.optional(v.boolean('消息提醒须为是或否')),
})

export const NoticeIdSchema = v.strictObject({ id: IdSchema })

export const NoticeListSchema = v.optional(
  v.strictObject({ category: v.optional(CategorySchema), ...PageSchema }),
  {},
)

export const AdminNoticeListSchema = v.optional(
  v.strictObject({ state: v.optional(v.picklist(['scheduled', 'published', 'withdrawn'], '状态不正确')), ...PageSchema }),
  {},
)

export const NoticeUpdateSchema = v.strictObject({ id: IdSchema, notice: NoticeInputSchema })

export interface NoticesHome {
  pinned: NoticeSummary[]
  recent: NoticeSummary[]
  unreadCount: number
}

/** The contract of the `notices` function: action → request and response. */
export interface NoticesApi {
  home: { request: void; response: NoticesHome }
  list: { request: v.InferInput<typeof NoticeListSchema>; response: Page<NoticeSummary> }
  detail: { request: v.InferInput<typeof NoticeIdSchema>; response: NoticeDetail }
  adminList: { request: v.InferInput<typeof AdminNoticeListSchema>; response: Page<AdminNoticeRow> }
  adminGet: { request: v.InferInput<typeof NoticeIdSchema>; response: NoticeDraft }
  publish: { request: v.InferInput<typeof NoticePublishSchema>; response: { id: string } }
  update: { request: v.InferInput<typeof NoticeUpdateSchema>; response: { id: string } }
  withdraw: { request: v.InferInput<typeof NoticeIdSchema>; response: { id: string } }
}
