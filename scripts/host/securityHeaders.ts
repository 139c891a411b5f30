/**
 * Security headers for every answer of the local host. The app's page gets a Content-Security-Policy it works
 * under; every other answer (JSON, files, scripts, styles) a policy under which nothing in it could run or load.
 */
import { createHash } from 'node:crypto'

/**
 * An answer's headers with the security headers every answer carries: no type guessing, no framing by another
 * page, no address (and its signed query) passed on as a referrer, and, unless `headers` give the page's own, the
 * policy under which nothing runs or loads.
 */
export function withSecurityHeaders(headers: Record<string, string>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ...headers,
  }
}

const hashSource = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`

/** The page's inline scripts (those without `src`). */
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(([, body]) => body)

/** Taro's tab bar items are links to this no-op; 'unsafe-hashes' lets exactly it run, and no other javascript: URL. */
const TAB_BAR_HREF = 'javascript:;'

/**
 * The app's page: scripts, styles, images and fonts from the host itself, plus the page's own inline scripts by
 * hash (the root font-size script in src/index.html), calls to the host only, and no framing.
 */
export function pagePolicy(html: string): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", "'unsafe-hashes'", ...[TAB_BAR_HREF, ...inlineScripts(html)].map(hashSource)].join(' '),
    // Taro's components and NutUI add <style> elements as pages open; nothing else inline runs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
