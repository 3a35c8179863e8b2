// module.exports may be any value, even a primitive.
module.exports = 42;
