// Part 2 of 2 of the corpus as `npm test` runs it (harness.ts takeCorpusPart): the
// differential and transparency suites on every other program, so that the two parts
// run side by side, one per core. programs.test.ts runs the whole corpus in one process.

import { takeCorpusPart } from "./harness";
takeCorpusPart(1, 2);
// Loaded after the part is taken (CommonJS keeps this order).
import "./differential.test";
import "./transparency.test";
