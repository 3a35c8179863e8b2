// Algorithm: singly linked list with push, reverse, remove and toArray.
function List() { this.head = null; this.size = 0; }
List.prototype.push = function (v) {
  var node = { v: v, next: null };
  if (!this.head) this.head = node;
  else { var n = this.head; while (n.next) n = n.next; n.next = node; }
  this.size++;
  return this;
};
List.prototype.toArray = function () { var out = [], n = this.head; while (n) { out.push(n.v); n = n.next; } return out; };
List.prototype.reverse = function () {
  var prev = null, cur = this.head;
  while (cur) { var next = cur.next; cur.next = prev; prev = cur; cur = next; }
  this.head = prev;
  return this;
};
List.prototype.remove = function (v) {
  if (!this.head) return false;
  if (this.head.v === v) { this.head = this.head.next; this.size--; return true; }
  for (var n = this.head; n.next; n = n.next) {
    if (n.next.v === v) { n.next = n.next.next; this.size--; return true; }
  }
  return false;
};
var l = new List().push(1).push(2).push(3).push(4);
console.log(l.toArray(), l.size);
console.log(l.reverse().toArray());
console.log(l.remove(4), l.remove(2), l.remove(99), l.toArray(), l.size);
