/**
 * WeChat's rules for subscription-message fields (platform-facts.md). A value out of its field's rules fails the
 * whole send with 47003, so every value is fitted to its rules when the send is built: shortened (with … where the
 * type allows it), stripped of what the type cannot hold, times written the way WeChat reads them. Pure.
 */
import type { FieldType } from '../../types/messages'
import { inShanghai } from '../../types/time'

const ELLIPSIS = '…'
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/u
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** At most `max` characters (code points), ending in … when cut. */
function cut(value: string, max: number, ellipsis = ELLIPSIS): string {
  const chars = [...value]
  if (chars.length <= max) return value
  return chars.slice(0, max - [...ellipsis].length).join('') + ellipsis
}

/** Keeps only the characters `allowed` matches, then at most `max`. */
function only(value: string, allowed: RegExp, max: number): string {
  return [...value].filter((char) => allowed.test(char)).slice(0, max).join('')
}

/** ISO times as WeChat's time or date field reads them, in Shanghai: 2026年11月20日 10:00; a range joined by ~. */
function timesText(value: string, format: string): string {
  return value
    .split('~')
    .map((part) => (ISO_TIME.test(part.trim()) ? inShanghai(part.trim()).format(format) : part.trim()))
    .join('~')
}

/** `value` fitted to the rules of a field of `type`. */
export function fitField(type: FieldType, value: string): string {
  const text = value.replace(/\s+/g, ' ').trim()
  switch (type) {
    case 'thing':
      // 20 characters: Chinese, digits, letters or symbols.
      return cut(text, 20)
    case 'name':
      // 10 Chinese characters, or 20 letters: no room for an ellipsis in either.
      return CHINESE.test(text) ? [...text].slice(0, 10).join('') : only(text, /[A-Za-z ·.-]/, 20)
    case 'phrase':
      // 5 Chinese characters and nothing else.
      return only(text, CHINESE, 5)
    case 'character_string':
      // 32 digits, letters or symbols: no Chinese.
      return cut(only(text, /[\x21-\x7e]/, Infinity), 32, '...')
    case 'number':
      return only(text, /[0-9.]/, 32)
    case 'letter':
      return only(text, /[A-Za-z]/, 32)
    case 'symbol':
      return only(text, /[^\p{L}\p{N}\s]/u, 5)
    case 'phone_number':
      return only(text, /[0-9+\-() ]/, 17)
    case 'amount': {
      // One currency symbol and at most ten digits (decimals allowed), optionally ending in 元.
      const digits = (/[0-9]+(\.[0-9]{1,2})?/.exec(text)?.[0] ?? '0').slice(0, 10).replace(/\.$/, '')
      return text.endsWith('元') ? `${digits}元` : `¥${digits}`
    }
    case 'time':
      return timesText(text, 'YYYY年M月D日 HH:mm')
    case 'date':
      return timesText(text, 'YYYY年M月D日')
  }
}
