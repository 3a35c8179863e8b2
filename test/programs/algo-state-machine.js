// Algorithm: a traffic-light / vending state machine driven by a switch.
function vend(events) {
  var state = "idle", credit = 0, out = [];
  for (var i = 0; i < events.length; i++) {
    var ev = events[i];
    switch (state) {
      case "idle":
        if (ev === "coin") { credit += 25; state = "paying"; }
        else out.push("ignored " + ev);
        break;
      case "paying":
        if (ev === "coin") credit += 25;
        else if (ev === "select") {
          if (credit >= 75) { out.push("vend, change " + (credit - 75)); credit = 0; state = "idle"; }
          else out.push("need " + (75 - credit));
        } else if (ev === "refund") { out.push("refund " + credit); credit = 0; state = "idle"; }
        break;
    }
  }
  return out.join("; ") + " [" + state + "]";
}
console.log(vend(["select", "coin", "select", "coin", "coin", "coin", "select"]));
console.log(vend(["coin", "refund", "coin"]));
