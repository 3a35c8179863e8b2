// Version 2 of examples/order-workflow.js (README "Upgrading a waiting workflow"):
// it ships with tracking and thanks the customer. Orders already waiting for their
// payment move onto it with `vmflow upgrade --all --from examples/order-workflow.js
// --to examples/order-workflow-v2.js` and continue at the same wait.
const fs = require("fs");
const { waitFor, step, workflow } = require("jaunt");

const LOG = process.env.ORDER_LOG || "order-effects.log";
const effect = (key, what) => fs.appendFileSync(LOG, `${key} ${what}\n`);

function trackingNumber(key) {
  return "TRK-" + key.length.toString(16).padStart(6, "0");
}

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
  console.log(`order paid: ${payment.amount}`);
  const tracking = await step("ship", async (key) => {
    effect(key, `ship to ${order.email}, tracking ${trackingNumber(key)}`);
    return trackingNumber(key);
  });
  await step("thank", async (key) => effect(key, `mail ${order.email}: thank you, ${tracking}`));
  return { shipped: order.items, paid: payment.amount, tracking };
});
