import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { ChoiceChips, type Choice } from '../../../components/ChoiceChips'
import { FieldChange } from '../../../components/FieldChange'
import { Screen } from '../../../components/Screen'
import { PREVIEW_LIST_MAX, type PreviewPerson, type RosterPreview } from '../../../../types/roster'
import { useRosterDownloads, useRosterImport } from '../useRosterFiles'
import './index.scss'

type Mode = 'partial' | 'full'

const MODES: Choice<Mode>[] = [
  { value: 'partial', label: '部分名册' },
  { value: 'full', label: '整体名册' },
]

const MODE_HELP: Record<Mode, string> = {
  partial: '只新增和更新文件中的人，文件里没有的会员保持不变。适合补录新入职教职工。',
  full: '文件就是全校完整名册：文件里没有的会员将标为“离校”（不会删除）。适合人事处导出的全员名单。',
}

const SUMMARY: { key: keyof RosterPreview['counts']; label: string; tone: string }[] = [
  { key: 'add', label: '新增', tone: 'add' },
  { key: 'update', label: '更新', tone: 'update' },
  { key: 'unchanged', label: '无变化', tone: 'same' },
  { key: 'markLeft', label: '标为离校', tone: 'left' },
  { key: 'errors', label: '有错误', tone: 'error' },
]

/**
 * One of the preview's lists, as a card: its title with the whole count, each item, and a line saying when the
 * preview cut the list short. Nothing when the list is empty.
 */
function PreviewList<T>(props: { title: string; total: number; items: T[]; tone?: 'error'; help?: string; children: (item: T, index: number) => ReactNode }) {
  const { title, total, items, tone, help, children } = props
  if (items.length === 0) return null
  return (
    <View className="card import__list">
      <Text className={`import__heading${tone ? ` import__heading--${tone}` : ''}`}>
        {title}（{total}）
      </Text>
      {help && <Text className="import__help">{help}</Text>}
      {items.map(children)}
      {total > items.length && <Text className="import__more">共 {total} 条，仅列出前 {PREVIEW_LIST_MAX} 条</Text>}
    </View>
  )
}

/** Someone added or marked 离校: name, 工号 and unit. */
const personItem = (person: PreviewPerson) => (
  <View key={person.staffNo} className="import__item">
    <Text className="import__name">{person.name}</Text>
    <Text className="import__meta">
      {person.staffNo} · {person.unitName}
    </Text>
  </View>
)

/** 导入会员名册 (union office): pick an Excel file, check the preview, then apply it (a large file over several calls). */
export default function RosterImport() {
  const { file, full, preview: previewed, applied, progress, picking, applying, pick, setFull, apply } = useRosterImport()
  const { template } = useRosterDownloads()
  const mode: Mode = full ? 'full' : 'partial'
  const preview = previewed.data
  const counts = preview?.counts
  const blocked = !counts || counts.errors > 0 || counts.add + counts.update + counts.markLeft === 0
  return (
    <Screen className="import">
      {applied && (
        <View className="card import__done">
          <Text className="import__done-title">导入完成</Text>
          <Text className="import__done-text">
            新增 {applied.added} 人，更新 {applied.updated} 人，标为离校 {applied.markedLeft} 人，{applied.unchanged} 人无变化。已记入操作日志。
          </Text>
          <Button size="small" type="primary" fill="outline" onClick={() => Taro.navigateBack()}>
            返回会员名册
          </Button>
        </View>
      )}

      <View className="import__steps">
        <View className="card">
          <Text className="import__heading">1. 准备名册文件</Text>
          <Text className="import__help">
            使用 Excel（.xlsx）文件，第 1 行为表头：工号、姓名、性别、出生日期、所在单位、手机号、人员状态、入会时间、会费状态。按工号识别同一人。
          </Text>
          <Button size="small" fill="outline" loading={template.busy} onClick={() => template.run()} className="import__template">
            下载名册模板
          </Button>
        </View>

        <View className="card">
          <Text className="import__heading">2. 选择导入方式</Text>
          <ChoiceChips value={mode} options={MODES} onChange={(next) => setFull(next === 'full')} />
          <Text className="import__help">{MODE_HELP[mode]}</Text>
        </View>

        <View className="card">
          <Text className="import__heading">3. 选择文件并核对</Text>
          {process.env.TARO_ENV === 'weapp' && <Text className="import__help">请先把名册文件发到微信聊天（如“文件传输助手”），再从聊天中选择。</Text>}
          <Button type="primary" fill={file ? 'outline' : 'solid'} loading={picking} onClick={pick} className="import__pick">
            {file ? '重新选择文件' : '选择名册文件'}
          </Button>
          {file && <Text className="import__file">已选择：{file.name}</Text>}
          {file && previewed.loading && !preview && <Text className="import__help">正在读取和核对文件…</Text>}
          {file && previewed.error && !preview && <Text className="import__problem">{previewed.error.message}</Text>}
        </View>
      </View>

      {preview && counts && (
        <>
          <View className="card">
            <View className="import__summary">
              {SUMMARY.map(({ key, label, tone }) => (
                <View key={key} className={`import__count import__count--${tone}${counts[key] === 0 ? ' import__count--zero' : ''}`}>
                  <Text className="import__count-number">{counts[key]}</Text>
                  <Text className="import__count-label">{label}</Text>
                </View>
              ))}
            </View>
            <Text className="import__verdict">
              {counts.errors > 0
                ? `文件中有 ${counts.errors} 处错误，修改后才能导入（导入要么全部成功，要么一条也不写入）。`
                : blocked
                  ? '文件与现有名册完全一致，无需导入。'
                  : '请核对下面的变更，确认无误后点“确认导入”。'}
            </Text>
          </View>

          <PreviewList title="错误" tone="error" total={counts.errors} items={preview.errors}>
            {(error, index) => (
              <View key={`${error.row}-${index}`} className="import__item">
                <Text className="import__row">第 {error.row} 行</Text>
                <Text className="import__message">{error.message}</Text>
              </View>
            )}
          </PreviewList>

          <PreviewList title="新增" total={counts.add} items={preview.add}>
            {personItem}
          </PreviewList>

          <PreviewList title="更新" total={counts.update} items={preview.update}>
            {(person) => (
              <View key={person.staffNo} className="import__item">
                <Text className="import__name">{person.name}</Text>
                <Text className="import__meta">{person.staffNo}</Text>
                {person.changes.map((change) => (
                  <FieldChange key={change.label} field={change.label} before={change.before} after={change.after} />
                ))}
              </View>
            )}
          </PreviewList>

          <PreviewList
            title="标为离校"
            total={counts.markLeft}
            items={preview.markLeft}
            help="这些会员不在文件中。标为离校后不能再使用小程序，记录仍会保留。"
          >
            {personItem}
          </PreviewList>

          <View className="bottom-bar">
            <Button type="primary" block disabled={blocked} loading={applying} onClick={apply} className="import__apply">
              {progress ? `正在导入 ${progress.applied}/${progress.total}` : '确认导入'}
            </Button>
          </View>
        </>
      )}
    </Screen>
  )
}
