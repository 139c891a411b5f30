/** Masking for lists: full values only where a person needs them (their own profile; union office editing). */

/** "138****1234"; anything not a phone number is masked whole. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/** "****-05-12": the birthday stays (birthday benefits need it); the year, which gives the age away, does not. */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `****${date.slice(4)}` : '****'
}
