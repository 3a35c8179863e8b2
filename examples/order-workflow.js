// A durable workflow (README "Durable workflows"): reserve stock, wait for the payment,
// remind the customer after 3 days without one, then ship. Run it with vmflow:
//   vmflow start examples/order-workflow.js --id order-42 --input '{"email":"ana@example.com","items":["book"]}'
//   vmflow signal order-42 paid '{"amount":30}'
// Effects go to the file named by $ORDER_LOG (default order-effects.log), each line
// with the step's idempotency key, as a real mailer or warehouse would receive it.
const fs = require("fs");
const { waitFor, step, workflow } = require("jaunt");

const LOG = process.env.ORDER_LOG || "order-effects.log";
const effect = (key, what) => fs.appendFileSync(LOG, `${key} ${what}\n`);

workflow(async (order) => {
  await step("reserve", async (key) => effect(key, `reserve ${order.items.join(",")}`));
  let payment;
  try {
    payment = await waitFor("paid", { timeout: "3d" });
  } catch (e) {
    if (e.code !== "ERR_JAUNT_WAIT_TIMEOUT") throw e;
    await step("remind", async (key) => effect(key, `mail ${order.email}: still want it?`));
    payment = await waitFor("paid");
  }
  await step("ship", async (key) => effect(key, `ship to ${order.email}`));
  return { shipped: order.items, paid: payment.amount };
});
