// Tests closures providing private state, as in a bank account object.
function createAccount(owner, initial) {
  var balance = initial;
  var history = [];
  function record(kind, amt) { history.push(kind + ":" + amt); }
  return {
    owner: owner,
    deposit: function (amt) { balance += amt; record("dep", amt); return balance; },
    withdraw: function (amt) {
      if (amt > balance) { record("fail", amt); return false; }
      balance -= amt; record("wd", amt); return true;
    },
    balance: function () { return balance; },
    history: function () { return history.slice(); }
  };
}
var acct = createAccount("ann", 50);
acct.deposit(25);
console.log(acct.withdraw(100), acct.withdraw(30));
console.log(acct.balance(), acct.balance === undefined);
var h = acct.history();
h.push("tamper");
console.log(acct.history().join(" "));
console.log(acct.owner, typeof acct.balanceValue);
