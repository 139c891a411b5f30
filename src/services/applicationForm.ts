/** 申请慰问: the application form's fields as typed, and the request they make (a member's own, or a unit admin's for them). */
import type * as v from 'valibot'
import { ApplicationSchema, APPLY_WITHIN_MONTHS, type ApplicationKind, type ApplicationView, type Relation } from '../../types/benefitApplications'
import { shanghaiDay } from '../../types/time'
import { requestCheck, type FormCheck } from '../../types/validation'

/** A proof image picked: its file id, and what shows it on this device (or the function's link). */
export interface ProofImage {
  fileId: string
  url: string
}

export interface ApplicationForm {
  kind: ApplicationKind | ''
  date: string
  hospital: string
  dischargedOn: string
  relation: Relation | ''
  note: string
  proofs: ProofImage[]
}

export type ApplicationRequest = v.InferInput<typeof ApplicationSchema>

export const emptyApplication = (): ApplicationForm => ({ kind: '', date: '', hospital: '', dischargedOn: '', relation: '', note: '', proofs: [] })

/** A returned application, to put right and send again (its proofs are picked again: those sent are deleted after a while). */
export function formOfReturned(application: ApplicationView): ApplicationForm {
  return {
    kind: application.kind,
    date: application.date,
    hospital: application.hospital ?? '',
    dischargedOn: application.dischargedOn ?? '',
    relation: application.relation ?? '',
    note: application.note,
    proofs: [],
  }
}

/** The days the form offers: from APPLY_WITHIN_MONTHS ago to today (the function checks the exact first day). */
export function applicationDays(now: Date): { from: string; to: string } {
  const to = shanghaiDay(now)
  const [year, month, day] = to.split('-').map(Number)
  const back = new Date(Date.UTC(year, month - 1 - APPLY_WITHIN_MONTHS, day))
  return { from: back.toISOString().slice(0, 10), to }
}

/** The request the form makes, checked with the very schema the function validates with. */
export function applicationInput(form: ApplicationForm): FormCheck<ApplicationRequest> {
  const request = {
    kind: form.kind,
    date: form.date,
    note: form.note,
    proofFileIds: form.proofs.map((proof) => proof.fileId),
    ...(form.kind === 'hospitalization' ? { hospital: form.hospital, ...(form.dischargedOn ? { dischargedOn: form.dischargedOn } : {}) } : {}),
    ...(form.kind === 'relativeBereavement' ? { relation: form.relation } : {}),
  }
  return requestCheck(ApplicationSchema, request)
}
