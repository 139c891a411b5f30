import * as v from 'valibot'

/** Document ids: what our stores generate, and what CloudBase generates (32 hex). */
export const IdSchema = v.pipe(
  v.string('编号须为文字'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确，请从列表重新进入'),
)

export const PageSchema = {
  offset: v.optional(
    v.pipe(v.number('分页位置须为数字'), v.integer('分页位置须为整数'), v.minValue(0, '分页位置不能为负'), v.maxValue(100_000, '分页位置过大')),
    0,
  ),
  limit: v.optional(
    v.pipe(v.number('每页条数须为数字'), v.integer('每页条数须为整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(50, '每页最多 50 条')),
    20,
  ),
}

export interface Page<T> {
  items: T[]
  hasMore: boolean
}

/** Required text of `label`, trimmed, at most `max` characters. */
export const TextSchema = (label: string, max: number) =>
  v.pipe(v.string(`${label}须为文字`), v.trim(), v.minLength(1, `请填写${label}`), v.maxLength(max, `${label}不能超过 ${max} 个字`))

/** An action with no payload still rejects stray fields. */
export const EmptySchema = v.optional(v.strictObject({}), {})

/** An empty file, refused wherever a file arrives (the phone, the upload endpoint, the function reading it). */
export const EMPTY_FILE_MESSAGE = '文件是空的（0 字节）：请重新选择文件'

/** An ISO timestamp that names a real moment: a date that exists, an offset JavaScript reads (not "+08"). */
function isRealMoment(text: string): boolean {
  if (Number.isNaN(Date.parse(text))) return false
  const [year, month, day] = text.slice(0, 10).split('-').map(Number)
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * A moment, as an ISO timestamp, kept in the one form the store compares as text (UTC, milliseconds, `Z`): one sent
 * with an offset (`+08:00`) or a space for the `T` names the same moment.
 */
export const TimeSchema = (label: string) =>
  v.pipe(
    v.string(`${label}须为文字`),
    v.isoTimestamp(`${label}格式不正确`),
    v.check(isRealMoment, `${label}格式不正确`),
    v.transform((text) => new Date(text).toISOString()),
  )
