import { STAFF_READ } from "../../platform/access.js";

/** Who may see where our critical work is concentrated: every staff role; partner users never. */
export const concentrationPolicy = {
  read: STAFF_READ,
};
