module.exports = "import condition";
