module.exports = { name: "self" };
