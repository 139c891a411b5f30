/**
 * The app's page under the host's security headers. Every browser test fails on anything the policy blocks, so the
 * app works under it; this one shows the policy has teeth: a script slipped into the page does not run.
 */
import { arrived, loginAs, suiteHarness } from './harness'

const harness = suiteHarness()

test('the page comes with its policy and security headers, and a script injected into it does not run', async () => {
  const page = await harness.newPhone()
  const response = await page.goto(`${harness.baseUrl}/`)
  expect(response?.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy': expect.stringMatching(/^default-src 'self'; script-src 'self' 'unsafe-hashes'( 'sha256-[A-Za-z0-9+/]+=*'){2}; style-src 'self' 'unsafe-inline'; /),
  })
  // With no session the app sends the visitor on to the login page: let it get there before logging in.
  await arrived(page, /#\/pages\/login\/index/)
  await loginAs(page, harness.baseUrl, '周建华')
  expect(harness.takeBlocked()).toEqual([])

  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'document.body.dataset.injected = "ran"'
    document.body.appendChild(script)
  })
  await page.waitForTimeout(200)
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined()
  expect(harness.takeBlocked()).toEqual([expect.stringMatching(/^Executing inline script violates the following Content Security Policy directive 'script-src /)])
})
