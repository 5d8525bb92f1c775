import { parseArgs } from "node:util";
import { verifyAudit } from "./cli/audit-verify.js";
import { createAdmin } from "./cli/create-admin.js";
import { loadDemo } from "./cli/demo.js";
import { jobsCommand } from "./cli/jobs.js";
import { keysRotateCommand } from "./cli/keys-rotate.js";
import { serve } from "./main.js";
import { importCountriesCommand } from "./modules/countries/countries.cli.js";
import { loadConfig } from "./platform/config.js";
import { openRuntime } from "./platform/runtime.js";

const HELP = `Usage: npm run outsight -- <command>

Commands:
  serve                     start the server (what npm start runs)
  migrate                   apply pending database migrations and exit
  create-admin --email E --name N [--password P] [--organization O]
                            create an administrator (and the organization when there is none)
  audit verify              recompute every organization's audit hash chain; exit 1 if broken
  demo                      load a realistic demo organization (sign in as demo@outsight.example)
  countries import <file>   import World Bank governance indicators (CSV or XLSX), all-or-nothing
  jobs list                 list the background jobs and their schedules (UTC)
  jobs run <name>           run one background job now, in this process
  keys rotate [--old-master B64 | --from-key-file F] [--new-org-keys]
                            re-wrap organization keys with the current master key (after changing
                            OUTSIGHT_MASTER_KEY); --new-org-keys also mints new org keys
`;

/** The `outsight` command line. Each command opens the database the same way the server does. */
async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return 0;
  }
  if (command === "serve") {
    await serve();
    return -1;
  }
  const runtime = await openRuntime(loadConfig());
  try {
    switch (command) {
      case "migrate":
        console.log("Database is migrated.");
        return 0;
      case "create-admin": {
        const { values } = parseArgs({
          args: [sub, ...rest].filter(Boolean),
          options: {
            email: { type: "string" },
            name: { type: "string" },
            password: { type: "string" },
            organization: { type: "string" },
          },
        });
        return await createAdmin(runtime, values);
      }
      case "audit":
        if (sub !== "verify") break;
        return await verifyAudit(runtime);
      case "demo":
        return await loadDemo(runtime);
      case "countries":
        if (sub !== "import") break;
        return await importCountriesCommand(runtime, rest[0]);
      case "keys":
        if (sub !== "rotate") break;
        return await keysRotateCommand(runtime, rest);
      case "jobs": {
        const code = await jobsCommand(runtime, sub, rest[0]);
        if (code !== null) return code;
        break;
      }
    }
    console.error(`Unknown command: ${argv.join(" ")}\n\n${HELP}`);
    return 2;
  } finally {
    await runtime.shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
