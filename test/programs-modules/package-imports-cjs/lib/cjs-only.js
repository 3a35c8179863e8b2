module.exports = "require condition";
