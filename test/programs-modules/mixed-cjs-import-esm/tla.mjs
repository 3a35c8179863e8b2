// ES module using top-level await, loaded from CommonJS via import().
export const ready = await new Promise((r) => setTimeout(() => r("tla ready"), 5));
