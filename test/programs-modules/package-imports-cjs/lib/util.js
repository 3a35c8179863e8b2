module.exports = { name: "util" };
