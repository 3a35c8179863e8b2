// node:worker_threads seen from the main thread: the flags undici probes at load, and
// environment data. (new Worker() is not supported by Jaunt: see the README.)
const wt = require("node:worker_threads");
console.log(wt.isMainThread, wt.parentPort, wt.workerData, wt.threadId);
console.log(typeof wt.Worker, typeof wt.MessageChannel, typeof wt.SHARE_ENV, typeof wt.receiveMessageOnPort);
wt.setEnvironmentData("k", { v: 1 });
console.log(wt.getEnvironmentData("k"), wt.getEnvironmentData("none"));
wt.setEnvironmentData("k", undefined);
console.log(wt.getEnvironmentData("k"));
console.log(wt.markAsUntransferable({}));
