// An error thrown in a domain with no 'error' listener is an ordinary uncaught
// exception (exit code 1), even while another domain listens.
const domain = require("domain");
const listening = domain.create();
listening.on("error", (e) => console.log("never:", e.message));
const silent = domain.create();
process.on("exit", (code) => console.log("exit", code));
silent.run(() => {
  setTimeout(() => {
    throw new Error("nobody listens");
  }, 1);
});
