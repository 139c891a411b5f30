/** Every cloud function, by name: what the local host serves and the build bundles. */
import { auditFunction } from './audit/actions'
import { benefitsFunction } from './benefits/actions'
import type { CloudFunction } from './core/defineFunction'
import { eventsFunction } from './events/actions'
import { exportsFunction } from './exports/actions'
import { membersFunction } from './members/actions'
import { messagesFunction } from './messages/actions'
import { noticesFunction } from './notices/actions'
import { proposalsFunction } from './proposals/actions'

export const FUNCTIONS: Record<string, CloudFunction> = {
  audit: auditFunction,
  benefits: benefitsFunction,
  events: eventsFunction,
  exports: exportsFunction,
  members: membersFunction,
  messages: messagesFunction,
  notices: noticesFunction,
  proposals: proposalsFunction,
}
