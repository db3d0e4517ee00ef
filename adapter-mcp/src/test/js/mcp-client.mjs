// Drives Agenticore's MCP server with the official TypeScript SDK and prints one JSON object with
// what the server returned, for the Java tests to check.
//
//   node mcp-client.mjs '<options as JSON>'
//
// Options: toolsDir (where npm installed @modelcontextprotocol/sdk), transport (http, sse or
// stdio), url and headers for http and sse, command and args for stdio, and scenario: "list" to
// connect and list tools, "all" to call every tool, "wait" to call run_task with wait=true.
import { createRequire } from "node:module";
import path from "node:path";

const options = JSON.parse(process.argv[2]);
const require = createRequire(path.join(options.toolsDir, "package.json"));
const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
const { StreamableHTTPClientTransport } = require("@modelcontextprotocol/sdk/client/streamableHttp.js");
const { SSEClientTransport } = require("@modelcontextprotocol/sdk/client/sse.js");
const { StdioClientTransport } = require("@modelcontextprotocol/sdk/client/stdio.js");

const CALL_TIMEOUT_MS = 30_000;
const TERMINAL = new Set(["succeeded", "failed", "cancelled", "expired"]);

function createTransport() {
  const headers = options.headers ?? {};
  switch (options.transport) {
    case "http":
      return new StreamableHTTPClientTransport(new URL(options.url), { requestInit: { headers } });
    case "sse":
      return new SSEClientTransport(new URL(options.url), {
        requestInit: { headers },
        eventSourceInit: {
          fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, ...headers } }),
        },
      });
    case "stdio":
      return new StdioClientTransport({ command: options.command, args: options.args, stderr: "inherit" });
    default:
      throw new Error(`unknown transport ${options.transport}`);
  }
}

async function call(client, name, args) {
  return client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
}

async function pollJob(client, jobId) {
  let result;
  for (let attempt = 0; attempt < 200; attempt++) {
    result = await call(client, "get_job", { job_id: jobId });
    if (TERMINAL.has(result.structuredContent?.job?.status)) {
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return result;
}

async function callEveryTool(client) {
  const calls = {};
  calls.list_profiles = await call(client, "list_profiles", {});
  calls.run_task = await call(client, "run_task", { task: "write a greeting" });
  const jobId = calls.run_task.structuredContent.job.id;
  calls.get_job = await pollJob(client, jobId);
  calls.list_jobs = await call(client, "list_jobs", { limit: 5 });
  calls.list_jobs_by_status = await call(client, "list_jobs", { status: "succeeded" });
  calls.cancel_job = await call(client, "cancel_job", { job_id: jobId });
  calls.run_task_wait = await call(client, "run_task", { task: "wait for me", wait: true });
  calls.prepare_worktree = await call(client, "prepare_worktree", {
    repo_url: "https://git.example.test/acme/widgets.git",
  });
  const worktree = calls.prepare_worktree.structuredContent.worktree;
  calls.get_worktree = await call(client, "get_worktree", { worktree_id: worktree.worktree_id });
  calls.list_worktrees = await call(client, "list_worktrees", {});
  calls.cleanup_worktrees = await call(client, "cleanup_worktrees", { paths: worktree.path });

  calls.get_job_unknown = await call(client, "get_job", { job_id: "no-such-job" });
  calls.get_job_number = await call(client, "get_job", { job_id: 7 });
  calls.run_task_number = await call(client, "run_task", { task: 42 });
  calls.run_task_unknown_field = await call(client, "run_task", { task: "x", colour: "red" });
  calls.run_task_without_task = await call(client, "run_task", {});
  calls.list_jobs_zero_limit = await call(client, "list_jobs", { limit: 0 });
  calls.list_jobs_unknown_status = await call(client, "list_jobs", { status: "done" });
  calls.list_profiles_unknown_field = await call(client, "list_profiles", { verbose: true });
  calls.cleanup_worktrees_empty = await call(client, "cleanup_worktrees", {});
  return calls;
}

async function main() {
  const client = new Client({ name: "agenticore-test", version: "1.0.0" });
  const output = {};
  try {
    await client.connect(createTransport());
  } catch (error) {
    console.log(JSON.stringify({ connected: false, error: String(error) }));
    return;
  }
  try {
    output.connected = true;
    output.serverInfo = client.getServerVersion();
    output.instructions = client.getInstructions();
    output.tools = (await client.listTools()).tools;
    if (options.scenario === "all") {
      output.calls = await callEveryTool(client);
    } else if (options.scenario === "wait") {
      output.calls = { run_task_wait: await call(client, "run_task", { task: "wait for me", wait: true }) };
    }
  } finally {
    await client.close();
  }
  console.log(JSON.stringify(output));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
