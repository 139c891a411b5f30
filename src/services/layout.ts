/**
 * Desk or phone. The browser build at a desk (a window at least 960 px wide) shows admin lists as tables and lays
 * forms out across the width; phones, and WeChat everywhere, keep the cards.
 */
import { shared } from './shared'

export const DESK_MIN_WIDTH = 960

const atDesk = () => process.env.TARO_ENV === 'h5' && window.innerWidth >= DESK_MIN_WIDTH

export const deskLayout = shared(atDesk())

if (process.env.TARO_ENV === 'h5') window.addEventListener('resize', () => deskLayout.set(atDesk()))
