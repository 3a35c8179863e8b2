// The program corpus as `npm test` runs it: the differential suite, then the
// transparency suite, in one process, so that each program's plain Jaunt run is done
// once (harness.ts plainRun): the run held to node's output is the transparency
// suite's reference. Each suite still runs alone from its own file.

import "./differential.test";
import "./transparency.test";
