import { STAFF_READ } from "../../platform/access.js";

/** Who may compute working-time overlap (a read-only calculation). */
export const overlapPolicy = {
  read: STAFF_READ,
};
