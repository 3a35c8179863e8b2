// Algorithm: bank account simulation with prototypes, errors and a transaction log.
function InsufficientFunds(needed) { this.name = "InsufficientFunds"; this.message = "need " + needed; }
InsufficientFunds.prototype = Object.create(Error.prototype);
function Account(id, balance) { this.id = id; this.balance = balance; this.log = []; }
Account.prototype.deposit = function (amt) {
  if (amt <= 0) throw new RangeError("deposit must be positive");
  this.balance += amt;
  this.log.push("+" + amt);
};
Account.prototype.withdraw = function (amt) {
  if (amt > this.balance) throw new InsufficientFunds(amt - this.balance);
  this.balance -= amt;
  this.log.push("-" + amt);
};
function transfer(from, to, amt) {
  try {
    from.withdraw(amt);
    to.deposit(amt);
    return "ok";
  } catch (e) {
    return e.name + ": " + e.message;
  }
}
var a = new Account("A", 100), b = new Account("B", 20);
console.log(transfer(a, b, 30));
console.log(transfer(b, a, 80));
console.log(transfer(a, b, 0));
console.log(a.balance, b.balance, a.log.join(" "), b.log.join(" "));
