import {spawn} from "node:child_process";
import {join} from "node:path";
import type {IsolateRuntime} from "./runtime";

export const ProjectRoot = join(__dirname, "..", "..");

/**
 * Runs a TypeScript file of this folder under the isolate runtime's Node: tsx
 * from the project's node_modules compiles it, and NODE_PATH lets the SDK's
 * `require("isolated-vm")` find the copy in the runtime's cache folder.
 * Resolves to the exit code; a run past the time limit is ended and fails.
 */
export function runUnderIsolateRuntime(
  runtime: IsolateRuntime,
  script: string,
  args: string[],
  options: {timeoutMs: number; stdout?: "inherit" | "pipe"},
): Promise<{code: number; stdout: string}> {
  const env = {...process.env, NODE_PATH: [runtime.nodePath, process.env.NODE_PATH].filter(Boolean).join(":")};
  // isolated-vm asks for --no-node-snapshot on Node 20 and later.
  const nodeArgs = ["--no-node-snapshot", "--require", require.resolve("tsx/cjs"), join(__dirname, script), ...args];
  const child = spawn(runtime.node, nodeArgs, {
    cwd: ProjectRoot,
    env,
    stdio: ["ignore", options.stdout ?? "inherit", "inherit"],
  });
  let stdout = "";
  child.stdout?.on("data", chunk => (stdout += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} ran past ${options.timeoutMs / 1000} s and was ended.`));
    }, options.timeoutMs);
    child.on("error", error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({code: code ?? (signal ? 128 : 1), stdout});
    });
  });
}
