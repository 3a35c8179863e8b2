// Inspects the CommonJS module wrapper's arguments without printing any paths.
module.exports = {
  argCount: arguments.length,
  types: [typeof exports, typeof require, typeof module, typeof __filename, typeof __dirname].join(
    ",",
  ),
  filenameOk: __filename.endsWith("wrapper-info.js"),
  dirnameOk: __dirname.endsWith("cjs-basic"),
  requireResolveType: typeof require.resolve,
  isMain: require.main === module,
  loaded: module.loaded,
};
