/** Every cloud function, by name: what the local host serves and the build bundles. */
import { auditFunction } from './audit/actions'
import type { CloudFunction } from './core/defineFunction'
import { membersFunction } from './members/actions'
import { messagesFunction } from './messages/actions'
import { noticesFunction } from './notices/actions'
import { rosterFunction } from './roster/actions'

export const FUNCTIONS: Record<string, CloudFunction> = {
  audit: auditFunction,
  members: membersFunction,
  messages: messagesFunction,
  notices: noticesFunction,
  roster: rosterFunction,
}
