// The peer of ActionBot in ../run-load.sh: the least a Probot app can do with a merged pull request.
// Probot (through @octokit/webhooks) verifies X-Hub-Signature-256 and parses the JSON before this runs;
// the handler only reads `merged` and stores nothing, so its rate is an upper bound for any real Probot app.
let merged = 0;

/** @param {import('probot').Probot} app */
export default (app) => {
  app.on("pull_request.closed", async (context) => {
    if (context.payload.pull_request.merged === true) {
      merged++;
    }
  });

  // Read by run-load.sh after the run, so a handler that never ran cannot pass for a fast one.
  process.on("SIGUSR2", () => {
    console.error(`probot-peer: ${merged} merged pull_request deliveries handled`);
  });
};
