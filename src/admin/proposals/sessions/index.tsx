import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { DateField } from '../../../components/DateField'
import { FormField } from '../../../components/FormField'
import { Screen } from '../../../components/Screen'
import { StateView } from '../../../components/StateView'
import { StatusTag } from '../../../components/StatusTag'
import { useMutation } from '../../../hooks/useMutation'
import { useSessions } from '../../../hooks/useProposals'
import { useRemote } from '../../../hooks/useRemote'
import { call, write } from '../../../services/api'
import { DEPT_NAME_MAX, type SessionSettingsView } from '../../../../types/proposals'
import { addDays, formatDay, shanghaiDay } from '../../../../types/time'
import { useDelegateList } from '../useDelegateList'
import './index.scss'

const ROLES_URL = '/admin/roles/index'

interface SessionForm {
  id?: string
  sessionName: string
  meetingStart: string
  meetingEnd: string
  /** The window, as Shanghai days: from the first day's start to the last day's end. */
  opensOn: string
  closesOn: string
  secondersNeeded: string
  replyWeeks: string
  /** The window as stored: kept as it is unless its day is changed. */
  opensAt?: string
  closesAt?: string
}

const BLANK: SessionForm = { sessionName: '', meetingStart: '', meetingEnd: '', opensOn: '', closesOn: '', secondersNeeded: '2', replyWeeks: '6' }

/** The window's last day: the day before the moment it closes, when that is a midnight. */
const lastDayOf = (closesAt: string) => shanghaiDay(new Date(Date.parse(closesAt) - 1))

const dayStartIso = (day: string) => (day ? new Date(`${day}T00:00:00+08:00`).toISOString() : '')

function formOf(session: SessionSettingsView): SessionForm {
  return {
    id: session.id,
    sessionName: session.name,
    meetingStart: session.meetingStart ?? '',
    meetingEnd: session.meetingEnd ?? '',
    opensOn: session.opensAt ? shanghaiDay(session.opensAt) : '',
    closesOn: session.closesAt ? lastDayOf(session.closesAt) : '',
    secondersNeeded: String(session.secondersNeeded),
    replyWeeks: String(session.replyWeeks),
    ...(session.opensAt ? { opensAt: session.opensAt } : {}),
    ...(session.closesAt ? { closesAt: session.closesAt } : {}),
  }
}

/** What the function is sent: days as moments, numbers as numbers (a blank stays blank, for its message). */
const requestOf = ({ id, sessionName, meetingStart, meetingEnd, opensOn, closesOn, secondersNeeded, replyWeeks, ...stored }: SessionForm) => ({
  ...(id ? { id } : {}),
  sessionName,
  meetingStart,
  meetingEnd,
  opensAt: stored.opensAt && shanghaiDay(stored.opensAt) === opensOn ? stored.opensAt : dayStartIso(opensOn),
  closesAt: stored.closesAt && lastDayOf(stored.closesAt) === closesOn ? stored.closesAt : closesOn ? dayStartIso(addDays(closesOn, 1)) : '',
  secondersNeeded: Number(secondersNeeded),
  replyWeeks: Number(replyWeeks),
})

function Editor({ initial, onSaved, onCancel }: { initial: SessionForm; onSaved: () => void; onCancel: () => void }) {
  const [form, setForm] = useState(initial)
  const change = (fields: Partial<SessionForm>) => setForm((previous) => ({ ...previous, ...fields }))
  const today = shanghaiDay(new Date())
  const [from, to] = [addDays(today, -800), addDays(today, 800)]
  const saving = useMutation((_: void, key) => write('proposals', 'saveSession', requestOf(form), key), { success: '届次已保存', onSuccess: onSaved })
  return (
    <View className="card sessions__editor">
      <Text className="sessions__heading">{form.id ? `修改${initial.sessionName}` : '新建届次'}</Text>
      <FormField label="届次名称" help="如 六届三次；提案编号以它开头（六届三次-001）">
        <Input className="field-input" placeholder="六届三次" value={form.sessionName} maxLength={20} onChange={(sessionName) => change({ sessionName })} />
      </FormField>
      <FormField label="大会开始日期">
        <DateField value={form.meetingStart} title="大会开始日期" from={from} to={to} onChange={(meetingStart) => change({ meetingStart, ...(form.meetingEnd ? {} : { meetingEnd: meetingStart }) })} />
      </FormField>
      <FormField label="大会结束日期">
        <DateField value={form.meetingEnd} title="大会结束日期" from={form.meetingStart || from} to={to} onChange={(meetingEnd) => change({ meetingEnd })} />
      </FormField>
      <FormField label="提案征集开始日期" help="当天 0:00 起，本届代表可以提交提案">
        <DateField value={form.opensOn} title="提案征集开始日期" from={from} to={to} onChange={(opensOn) => change({ opensOn })} />
      </FormField>
      <FormField label="提案征集截止日期" help="当天 24:00 截止；截止后提交的转为意见建议">
        <DateField value={form.closesOn} title="提案征集截止日期" from={form.opensOn || from} to={to} onChange={(closesOn) => change({ closesOn })} />
      </FormField>
      <FormField label="附议人数" help="提案人以外，至少需要几位代表确认附议">
        <Input className="field-input" type="number" value={form.secondersNeeded} onChange={(secondersNeeded) => change({ secondersNeeded })} />
      </FormField>
      <FormField label="答复期限（周）" help="交办后承办部门须在几周内答复">
        <Input className="field-input" type="number" value={form.replyWeeks} onChange={(replyWeeks) => change({ replyWeeks })} />
      </FormField>
      <View className="sessions__buttons">
        <Button fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" loading={saving.busy} className="sessions__save" onClick={() => void saving.run()}>
          保存
        </Button>
      </View>
    </View>
  )
}

/** The session's 代表名单: download it, pick the edited file, read what importing it would change, import it. */
function DelegateList({ session, onImported }: { session: SessionSettingsView; onImported: () => void }) {
  const list = useDelegateList(session.id, onImported)
  const preview = list.preview.data
  return (
    <View className="sessions__delegates">
      <Text className="card-meta">
        代表名单：{session.delegations.length ? session.delegations.map((delegation) => `${delegation.name} ${delegation.count} 人`).join('、') : '尚未导入代表团'}
      </Text>
      <View className="sessions__buttons sessions__buttons--start">
        <Button size="small" fill="outline" className="sessions__download" loading={list.busy && !list.file} onClick={() => void list.download()}>
          下载代表名单
        </Button>
        <Button size="small" fill="outline" className="sessions__import" onClick={() => void list.pick()}>
          导入代表名单
        </Button>
      </View>
      {list.file && (
        <View className="sessions__preview">
          <Text className="sessions__preview-title">{list.file.name}</Text>
          {list.preview.loading && <Text className="card-meta">正在读取…</Text>}
          {list.preview.error && <Text className="form-field__error">{list.preview.error.message}</Text>}
          {preview && (
            <>
              <Text className="sessions__preview-line">
                共 {preview.total} 位代表：{preview.delegations.map((delegation) => `${delegation.name} ${delegation.count} 人`).join('、')}
              </Text>
              <Text className="sessions__preview-line">
                新增代表 {preview.addedCount} 人{preview.added.length ? `：${preview.added.join('、')}` : ''}
              </Text>
              <Text className="sessions__preview-line">
                不再是代表 {preview.removedCount} 人{preview.removed.length ? `：${preview.removed.join('、')}` : ''}
              </Text>
              {preview.regrouped > 0 && <Text className="sessions__preview-line">调整代表团 {preview.regrouped} 人</Text>}
              {preview.errors.map((error) => (
                <Text key={`${error.row}-${error.message}`} className="form-field__error">
                  第 {error.row} 行：{error.message}
                </Text>
              ))}
              <View className="sessions__buttons">
                <Button size="small" fill="outline" onClick={list.cancel}>
                  取消
                </Button>
                <Button size="small" type="primary" className="sessions__apply" disabled={preview.errors.length > 0} loading={list.busy} onClick={() => void list.apply()}>
                  确认导入
                </Button>
              </View>
            </>
          )}
        </View>
      )}
    </View>
  )
}

function SessionCard({ session, onEdit, onImported }: { session: SessionSettingsView; onEdit: () => void; onImported: () => void }) {
  return (
    <View className="card sessions__card">
      <View className="card-head">
        <Text className="sessions__name">{session.name}</Text>
        <StatusTag tone={session.collecting ? 'good' : 'neutral'}>{session.collecting ? '提案征集中' : session.opensAt ? '不在征集期' : '未设置'}</StatusTag>
      </View>
      {session.meetingStart && (
        <Text className="card-meta">
          大会：{formatDay(session.meetingStart, true)}
          {session.meetingEnd && session.meetingEnd !== session.meetingStart ? ` 至 ${formatDay(session.meetingEnd)}` : ''}
        </Text>
      )}
      {session.opensAt && session.closesAt && (
        <Text className="card-meta">
          征集：{formatDay(shanghaiDay(session.opensAt), true)} 至 {formatDay(lastDayOf(session.closesAt), true)}
        </Text>
      )}
      <Text className="card-meta">
        附议 {session.secondersNeeded} 人 · 答复期限 {session.replyWeeks} 周 · 代表 {session.delegates} 人 · 提案委员会 {session.committee} 人
      </Text>
      <DelegateList session={session} onImported={onImported} />
      <Button size="small" fill="outline" className="sessions__edit" onClick={onEdit}>
        修改设置
      </Button>
    </View>
  )
}

/** 承办部门: the school's handling departments, with their handlers counted; one more, or a new name for one. */
function Departments() {
  const departments = useRemote(() => call('proposals', 'departments'))
  const [editing, setEditing] = useState<{ id?: string; deptName: string }>({ deptName: '' })
  const saving = useMutation((_: void, key) => write('proposals', 'saveDepartment', { ...(editing.id ? { id: editing.id } : {}), deptName: editing.deptName }, key), {
    success: editing.id ? '已改名' : '已添加承办部门',
    onSuccess: () => {
      setEditing({ deptName: '' })
      void departments.reload()
    },
  })
  return (
    <View className="card sessions__depts">
      <Text className="sessions__heading">承办部门</Text>
      {(departments.data ?? []).map((dept) => (
        <View key={dept.id} className="sessions__dept" onClick={() => setEditing({ id: dept.id, deptName: dept.name })}>
          <Text className="sessions__dept-name">{dept.name}</Text>
          <Text className="card-meta">经办人 {dept.handlers} 人 · 改名</Text>
        </View>
      ))}
      <View className="sessions__dept-form">
        <Input className="field-input" placeholder={editing.id ? '新的部门名称' : '添加承办部门，如 保卫处'} value={editing.deptName} maxLength={DEPT_NAME_MAX} onChange={(deptName) => setEditing({ ...editing, deptName })} />
        {editing.id && (
          <Button size="small" fill="outline" onClick={() => setEditing({ deptName: '' })}>
            取消
          </Button>
        )}
        <Button size="small" type="primary" className="sessions__dept-save" disabled={!editing.deptName.trim()} loading={saving.busy} onClick={() => void saving.run()}>
          {editing.id ? '保存' : '添加'}
        </Button>
      </View>
    </View>
  )
}

/** 教代会届次 (union office): each session's dates, window, seconders and reply weeks, and its delegate list; a new one; the handling departments. */
export default function Sessions() {
  const sessions = useSessions()
  const [editing, setEditing] = useState<SessionForm>()
  const saved = () => {
    setEditing(undefined)
    void sessions.reload()
  }
  return (
    <Screen className="sessions">
      <View className="card sessions__intro">
        <Text className="form-field__help">代表可按届次导入代表名单（工号、姓名、代表团），也可在「角色管理」中逐个授予；提案工作委员会成员和承办部门的经办人也在「角色管理」中授予。</Text>
        <Button size="small" fill="outline" className="sessions__roles" onClick={() => void Taro.navigateTo({ url: ROLES_URL })}>
          角色管理
        </Button>
      </View>
      {editing ? (
        <Editor key={editing.id ?? 'new'} initial={editing} onSaved={saved} onCancel={() => setEditing(undefined)} />
      ) : (
        <StateView loading={sessions.loading} error={sessions.error} empty={(sessions.data ?? []).length === 0} emptyText="还没有教代会届次" onRetry={sessions.reload}>
          {(sessions.data ?? []).map((session) => (
            <SessionCard key={session.id} session={session} onEdit={() => setEditing(formOf(session))} onImported={() => void sessions.reload()} />
          ))}
        </StateView>
      )}
      {!editing && <Departments />}
      {!editing && (
        <View className="bottom-bar">
          <Button type="primary" block className="sessions__new" onClick={() => setEditing(BLANK)}>
            新建届次
          </Button>
        </View>
      )}
    </Screen>
  )
}
