// A synchronous sibling dependency.
console.log("fast: evaluated");
export const fastValue = "fast value";
