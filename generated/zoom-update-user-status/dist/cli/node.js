// The command line in Node.js: the process's arguments, environment and streams. Node's modules
// are imported when it runs (as the runtime's fileFromPath does), so the package's sources
// type-check without Node's types, against the platform's own.
import { runCommandLine } from "./run.js";
/** Runs the command line with the process's arguments and sets the exit code; stdout is flushed before exit. */
export async function main(cli) {
    const processModule = "node:process";
    const fsModule = "node:fs/promises";
    const process = (await import(/* @vite-ignore */ processModule)).default;
    const fs = (await import(/* @vite-ignore */ fsModule));
    // A reader that stops early (`| head`) closes the pipe: the rest of the output is not wanted.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (error) => {
            if (error.code !== "EPIPE")
                throw error;
        });
    }
    const host = {
        argv: process.argv.slice(2),
        env: process.env,
        stdoutIsTTY: process.stdout.isTTY === true,
        write: (stream, text) => {
            const out = process[stream];
            // A reader that has gone (EPIPE) takes nothing more, and a write then would throw.
            if (out.destroyed || out.write(text))
                return;
            // Full: the caller waits until it drains, or closes (a reader gone never drains it).
            return new Promise((resolve) => {
                const done = () => {
                    out.off("drain", done);
                    out.off("close", done);
                    resolve();
                };
                out.once("drain", done);
                out.once("close", done);
            });
        },
        readFile: (path) => fs.readFile(path),
        readStdin: async () => {
            const chunks = [];
            const encoder = new TextEncoder();
            for await (const chunk of process.stdin)
                chunks.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
            const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
            let at = 0;
            for (const chunk of chunks) {
                out.set(chunk, at);
                at += chunk.length;
            }
            return out;
        },
    };
    process.exitCode = await runCommandLine(cli, host);
}
