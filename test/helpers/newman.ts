// newman, the reference the wire tests compare the client with: one run of a collection in memory,
// with an environment of the given values (the recording server's base URL among them).
import newman from "newman";

export function runNewman(collection: object, environment: Record<string, string>): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    newman.run(
      {
        collection: collection as never,
        environment: {
          values: Object.entries(environment).map(([key, value]) => ({ key, value, enabled: true })),
        } as never,
        reporters: [],
      },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}
