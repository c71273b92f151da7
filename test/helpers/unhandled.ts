// Which promise rejections a piece of code leaves unhandled.

/** The rejections reported unhandled while `run` runs, and in the turn after it. */
export async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", record);
  try {
    await run();
    // Unhandled rejections are reported after the microtasks of a turn have run.
    await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.off("unhandledRejection", record);
  }
  return unhandled;
}
