/**
 * Who organizes an event: the union office, or the admin of the unit whose event it is. Shared by the events
 * function and the exports function (its participant list).
 */
import { unionOffice, unitAdmin, type ScopeOf } from './authorize'

/** The unit of the event the input names (none for a union-wide event, or one that does not exist). */
export const eventUnit: ScopeOf<{ eventId: string }> = async ({ eventId }, store) => (await store.get('events', eventId))?.unitId

/** The unit of the event the sign-up the input names belongs to. */
export const signupUnit: ScopeOf<{ signupId: string }> = async ({ signupId }, store) => {
  const signup = await store.get('eventSignups', signupId)
  return signup ? (await store.get('events', signup.eventId))?.unitId : undefined
}

export const EVENT_ORGANIZER = [unionOffice, unitAdmin(eventUnit)]
export const SIGNUP_ORGANIZER = [unionOffice, unitAdmin(signupUnit)]
