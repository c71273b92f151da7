"use strict";
// The command line in Node.js: the process's arguments, environment and streams. Node's modules
// are imported when it runs (as the runtime's fileFromPath does), so the package's sources
// type-check without Node's types, against the platform's own.
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.main = main;
const run_js_1 = require("./run.js");
/** Runs the command line with the process's arguments and sets the exit code; stdout is flushed before exit. */
async function main(cli) {
    const processModule = "node:process";
    const fsModule = "node:fs/promises";
    const process = (await Promise.resolve(`${processModule}`).then(s => __importStar(require(s)))).default;
    const fs = (await Promise.resolve(`${fsModule}`).then(s => __importStar(require(s))));
    // A reader that stops early (`| head`) closes the pipe: the rest of the output is not wanted.
    // The stream is not always destroyed then (a socket, as a spawning process's pipe is, stays
    // open and takes writes it drops, never draining): the streams whose reader went are kept here.
    const gone = new Set();
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (error) => {
            if (error.code !== "EPIPE")
                throw error;
            gone.add(stream);
        });
    }
    const host = {
        argv: process.argv.slice(2),
        env: process.env,
        stdoutIsTTY: process.stdout.isTTY === true,
        write: (stream, text) => {
            const out = process[stream];
            // A reader that has gone (EPIPE) takes nothing more, and a write then would throw: said as
            // false, so that a body that never ends (an event stream) is not read on for nothing.
            const open = () => !gone.has(out) && !out.destroyed;
            if (!open())
                return false;
            if (out.write(text))
                return true;
            // Full: the caller waits until it drains, or its reader goes (which never drains it).
            return new Promise((resolve) => {
                const done = () => {
                    for (const event of ["drain", "close", "error"])
                        out.off(event, done);
                    resolve(open());
                };
                for (const event of ["drain", "close", "error"])
                    out.once(event, done);
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
    process.exitCode = await (0, run_js_1.runCommandLine)(cli, host);
}
