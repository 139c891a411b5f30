/** One Jest run; each test layer keeps its own config in test/<layer>/jest.config.js (see README "Tests"). */
const layers = ['unit', 'store', 'functions', 'components', 'weapp', 'browser']
const fs = require('node:fs')

module.exports = {
  projects: layers.filter((layer) => fs.existsSync(`${__dirname}/test/${layer}/jest.config.js`)).map((layer) => `<rootDir>/test/${layer}`),
}
