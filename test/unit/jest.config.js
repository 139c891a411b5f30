module.exports = require('../jest.shared').nodeLayer('unit')
