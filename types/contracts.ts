import type { AuditApi } from './audit'
import type { BenefitsApi } from './benefits'
import type { EventsApi } from './events'
import type { ExportsApi } from './exports'
import type { MembersApi } from './members'
import type { MessagesApi } from './messages'
import type { NoticesApi } from './notices'
import type { ProposalsApi } from './proposals'

/** Every cloud function's contract, by function name: what the front end may call. */
export interface Contracts {
  audit: AuditApi
  benefits: BenefitsApi
  events: EventsApi
  exports: ExportsApi
  members: MembersApi
  messages: MessagesApi
  notices: NoticesApi
  proposals: ProposalsApi
}

export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { request: infer R } ? R : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { response: infer R } ? R : never
