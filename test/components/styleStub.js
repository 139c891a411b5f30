/** Stands in for every .scss/.css import in the components layer: jsdom needs no styles. */
module.exports = {}
