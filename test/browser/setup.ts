/** A browser test walks several screens against a real host: give each one a minute (the per-project `testTimeout` is not a Jest project option). */
jest.setTimeout(60_000)
