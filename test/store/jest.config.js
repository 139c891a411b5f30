module.exports = require('../jest.shared').nodeLayer('store')
