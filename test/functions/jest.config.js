module.exports = require('../jest.shared').nodeLayer('functions')
