import fsp from "node:fs/promises";
import { parseArgs } from "node:util";
import { masterKeyOf } from "../modules/documents/documents.keys.js";
import { rotateKeys } from "../modules/documents/documents.rotate.js";
import { masterKeyId, parseMasterKey } from "../platform/crypto/master-key.js";
import type { Runtime } from "../platform/runtime.js";

/**
 * `keys rotate [--old-master B64 | --from-key-file F] [--new-org-keys]`: re-wraps every org key
 * with the current master key (OUTSIGHT_MASTER_KEY or `<dataDir>/master.key`), given the previous
 * one; with `--new-org-keys` also mints new org keys and re-wraps every data key. No content is
 * re-encrypted.
 */
export async function keysRotateCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "old-master": { type: "string" },
      "from-key-file": { type: "string" },
      "new-org-keys": { type: "boolean", default: false },
    },
  });
  const current = await masterKeyOf(runtime);
  const file = values["from-key-file"];
  const text = values["old-master"] ?? (file ? await fsp.readFile(file, "utf8") : undefined);
  const previousKey = text ? parseMasterKey(text, file ?? "--old-master") : undefined;
  const previous = previousKey ? { id: masterKeyId(previousKey), key: previousKey } : undefined;
  const reports = await rotateKeys(runtime.database.db, {
    current,
    previous,
    newOrgKeys: values["new-org-keys"],
  });
  for (const r of reports)
    console.log(
      `${r.orgId}: ${r.rewrapped} org key(s) re-wrapped` +
        (r.newOrgKeyVersion
          ? `, new org key v${r.newOrgKeyVersion}, ${r.dataKeysRewrapped} data key(s) re-wrapped`
          : ""),
    );
  if (reports.length === 0) console.log("No organization keys yet.");
  console.log(`Master key ${current.id} now wraps every organization key.`);
  return 0;
}
