import { anyOf } from "../../platform/access.js";

/** Only administrators manage users; everyone manages their own password through `/me`. */
export const userPolicy = {
  read: anyOf("admin"),
  create: anyOf("admin"),
  update: anyOf("admin"),
};
