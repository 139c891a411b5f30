import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ApplicationState, ApplicationView } from '../../types/benefitApplications'
import { BENEFIT_FORM_LABELS, formatYuan } from '../../types/benefits'
import { formatDateTime } from '../../types/time'
import { StatusTag, type Tone } from './StatusTag'
import './ApplicationCard.scss'

const TONES: Record<ApplicationState, Tone> = { submitted: 'pending', checked: 'pending', approved: 'good', returned: 'bad' }

/** The event in one line: "入院日期 2026-11-02 · 省立医院 · 已出院 2026-11-09", "亲属亡故日期 … · 父母". */
export function eventLine(application: ApplicationView): string {
  const parts = [`${application.dateLabel} ${application.date}`]
  if (application.hospital) parts.push(application.hospital, application.dischargedOn ? `出院 ${application.dischargedOn}` : '未出院')
  if (application.relationLabel) parts.push(application.relationLabel)
  return parts.join(' · ')
}

/**
 * One 慰问 application: its kind and event, where it is, the reason it was returned, what was approved; `who` shows
 * whose it is (the admins' lists), `children` what can be done with it.
 */
export function ApplicationCard({ application, who = false, onClick, children }: { application: ApplicationView; who?: boolean; onClick?: () => void; children?: ReactNode }) {
  const lastReturn = application.state === 'returned' ? application.returns[application.returns.length - 1] : undefined
  return (
    <View className="card application-card" onClick={onClick}>
      <View className="status-card__top">
        <View className="status-card__heading">
          <Text className="application-card__kind">{application.kindLabel}</Text>
          {who && (
            <Text className="application-card__who">
              {application.memberName}（{application.staffNo}）· {application.unitName}
            </Text>
          )}
          <Text className="application-card__line">{eventLine(application)}</Text>
        </View>
        <StatusTag tone={TONES[application.state]}>{application.stateLabel}</StatusTag>
      </View>
      {lastReturn && (
        <Text className="application-card__reason">
          {lastReturn.stepLabel}退回：{lastReturn.reason}
        </Text>
      )}
      {application.state === 'approved' && application.amountFen !== undefined && (
        <Text className="application-card__approved">
          批准 {application.item} {formatYuan(application.amountFen)} · {BENEFIT_FORM_LABELS[application.form!]}
        </Text>
      )}
      <Text className="card-meta">
        {formatDateTime(application.appliedAt)} 提交{application.appliedByName !== application.memberName ? `（${application.appliedByName}代为申请）` : ''} · 证明材料 {application.proofCount} 张
      </Text>
      {children}
    </View>
  )
}
