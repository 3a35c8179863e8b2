// The helpers the interpreter calls (see Helpers in realm.ts).
return {
  add: function add(a, b) {
    a = toPrimitive(a);
    b = toPrimitive(b);
    return a + b;
  },
  toNumber: toNumber,
  toNumeric: toNumeric,
  toString: toString,
  toPropertyKey: toPropertyKey,
  looseEquals: looseEquals,
  looseNotEquals: function looseNotEquals(a, b) {
    return !looseEquals(a, b);
  },
  lt: function lt(a, b) {
    a = toPrimitive(a, "number");
    b = toPrimitive(b, "number");
    return a < b;
  },
  le: function le(a, b) {
    a = toPrimitive(a, "number");
    b = toPrimitive(b, "number");
    return a <= b;
  },
  gt: function gt(a, b) {
    a = toPrimitive(a, "number");
    b = toPrimitive(b, "number");
    return a > b;
  },
  ge: function ge(a, b) {
    a = toPrimitive(a, "number");
    b = toPrimitive(b, "number");
    return a >= b;
  },
  instanceOf: instanceOf,
  numericOp: numericOp,
  getIterator: getIterator,
  iteratorClose: iteratorClose,
  coerceThenCall: coerceThenCall,
  copyDataProperties: copyDataProperties,
  spreadInto: spreadInto,
  iterToArray: iterToArray,
  yieldStarStep: yieldStarStep,
  asyncYieldStarStep: asyncYieldStarStep,
  arrayIteratorSlowNext: arrayIteratorSlowNext,
  stringReplace: stringReplace,
  stringMatch: stringMatch,
  stringMatchAll: stringMatchAll,
  stringSearch: stringSearch,
  stringSplit: stringSplit,
  stringSearchNoRegExp: stringSearchNoRegExp,
  inspectGuestLoop: inspectGuestLoop,
  regexpConstruct: regexpConstruct,
  regexpExecSlow: regexpExecSlow,
  regexpCreate: $.regexpCreate,
  stringRaw: stringRaw,
  jsonRevive: jsonRevive,
  finishWork: finishWork,
  typeofGetter: function typeofGetter(getter, receiver) {
    return typeof call(getter, receiver);
  },
  forInSliced: forInSliced,
  asyncAwaitSlow: asyncAwaitSlow,
  asyncResolveSlow: asyncResolveSlow,
  asyncStep: asyncStep,
  promiseCtor: PromiseCtor,
  promisePrototype: PromisePrototype,
  promiseSpeciesGetter: promiseSpeciesGetter,
  promiseReactionJob: reactionJob,
  resolveThenableJob: resolveThenableJob,
  runMain: runMain,
  runMainModule: runMainModule,
  dynamicImport: dynamicImport,
  asyncGenStart: asyncGenStart,
  getAsyncIterator: getAsyncIterator,
  asyncIteratorClose: asyncIteratorClose,
  disposeStack: disposeStack,
  disposeAdd: disposeAdd,
  disposeResources: disposeResources,
  asyncDisposeResources: asyncDisposeResources,
  resolveSlow: resolveSlow,
  objectToStringTag: objectToStringTag,
  aggregateErrorFromIterable: aggregateErrorFromIterable,
  prepareStackTraceCall: prepareStackTraceCall,
  collectionInit: collectionInit,
  collectionFillSliced: collectionFillSliced,
  mapInsertComputed: mapInsertComputed,
  reflectSetterCall: reflectSetterCall,
  reflectSetSlow: reflectSetSlow,
  dateConstruct: dateConstruct,
  uspInit: uspInit,
  urlConstruct: urlConstruct,
  ordinaryToPrimitive: ordinaryToPrimitive,
  proxy: proxyHelpers,
  typedArrayStore: typedArrayStore,
};
