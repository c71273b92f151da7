// The seed operation as the runtime sees it, written by hand (runtime tests must not depend on the
// generator reading it right).
import type { OperationSpec } from "../../src/runtime/spec.js";

export const SEED_SPEC: OperationSpec = {
  name: "updateUserStatus",
  namespace: [],
  item: "Update user status",
  folder: [],
  method: "PUT",
  path: "/users/{userId}/status",
  args: [
    { arg: "userId", name: "userId", in: "path", required: true },
    { arg: "action", name: "action", in: "body", required: true, enum: ["activate", "deactivate"] },
  ],
  body: "multipart",
  auth: { type: "bearer" },
  responses: [
    {
      status: 404,
      description: "Not Found",
      errorCodes: [{ code: 1001, description: "User does not exist: $userId." }],
    },
  ],
};
