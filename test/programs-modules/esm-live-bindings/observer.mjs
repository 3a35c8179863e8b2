// Another importer observing the same live binding.
import { count } from "./counter.mjs";
export function observe() {
  return "observer sees " + count;
}
