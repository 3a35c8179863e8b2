// Tests switch fallthrough between cases and break placement.
function classify(n) {
  var out = [];
  switch (n) {
    case 1:
      out.push("one");
    case 2:
      out.push("two");
      break;
    case 3:
      out.push("three");
    case 4:
    case 5:
      out.push("four-or-five");
      break;
    default:
      out.push("other");
  }
  return out.join("+");
}
for (var i = 0; i <= 6; i++) console.log(i, classify(i));
function daysIn(month) {
  switch (month) {
    case "feb": return 28;
    case "apr": case "jun": case "sep": case "nov": return 30;
    default: return 31;
  }
}
console.log(daysIn("feb"), daysIn("jun"), daysIn("jan"));
