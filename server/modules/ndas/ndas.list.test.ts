import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayUtc } from "../../../domain/time.js";
import { buildPartner, call, problem, type Session, useTestApp } from "../../test/harness.js";
import { buildContractSessions, type ContractSessions, expectField } from "../contracts/contracts.testkit.js";
import { buildNda } from "./ndas.testkit.js";

const env = useTestApp();
const today = todayUtc();
let c: ContractSessions;
let acme: string;
let beta: string;

const list = (s: Session | null, qs = "") => call(env, s, { url: `/api/v1/ndas${qs}` });
const scopes = async (s: Session, qs = "") => {
  const res = await list(s, qs);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { scope: string }[]).map((n) => n.scope);
};

beforeAll(async () => {
  c = await buildContractSessions(env);
  acme = (await buildPartner(env, c.admin, { name: "Acme Hosting" })).id;
  beta = (await buildPartner(env, c.admin, { name: "Beta Labs" })).id;
  const nda = (partnerId: string, scope: string, effective: number, expiry: number | null) =>
    buildNda(env, c.admin, partnerId, {
      scope,
      effectiveDate: addDays(today, effective),
      expiryDate: expiry === null ? null : addDays(today, expiry),
    });
  await nda(acme, "Expired yesterday", -400, -1);
  await nda(acme, "Expires today", -100, 0);
  await nda(acme, "Expires in 30", -100, 30);
  await nda(beta, "Expires in 31", -100, 31);
  await nda(beta, "Starts tomorrow", 1, 200);
  await nda(beta, "Open-ended", -5, null);
  const theirs = await buildPartner(env, c.other);
  await buildNda(env, c.other, theirs.id, { scope: "Their NDA" });
});

describe("listing NDAs", () => {
  it("sorts by expiry (open-ended last) and pages with a cursor", async () => {
    expect(await scopes(c.viewer)).toEqual([
      "Expired yesterday",
      "Expires today",
      "Expires in 30",
      "Expires in 31",
      "Starts tomorrow",
      "Open-ended",
    ]);
    const first = (await list(c.admin, "?limit=4")).json();
    expect(first.items).toHaveLength(4);
    const second = (await list(c.admin, `?limit=4&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items.map((n: { scope: string }) => n.scope)).toEqual(["Starts tomorrow", "Open-ended"]);
    expect(second.nextCursor).toBeNull();
    expect((await scopes(c.admin, "?sort=-expiryDate"))[0]).toBe("Open-ended");
  });

  it("filters by derived status at the boundaries, matching the status each item shows", async () => {
    expect(await scopes(c.admin, "?status=expired")).toEqual(["Expired yesterday"]);
    expect(await scopes(c.admin, "?status=upcoming")).toEqual(["Starts tomorrow"]);
    expect(await scopes(c.admin, "?status=in_force")).toEqual([
      "Expires today",
      "Expires in 30",
      "Expires in 31",
      "Open-ended",
    ]);
    expect(await scopes(c.admin, "?status=expiring")).toEqual(["Expires today", "Expires in 30"]);
    const items = (await list(c.admin)).json().items as { scope: string; status: string }[];
    expect(Object.fromEntries(items.map((n) => [n.scope, n.status]))).toMatchObject({
      "Expired yesterday": "expired",
      "Expires today": "in_force",
      "Starts tomorrow": "upcoming",
    });
  });

  it("filters by partner and searches the scope and partner name", async () => {
    expect(await scopes(c.admin, `?partnerId=${beta}`)).toEqual([
      "Expires in 31",
      "Starts tomorrow",
      "Open-ended",
    ]);
    expect(await scopes(c.admin, "?q=acme")).toHaveLength(3);
    expect(await scopes(c.admin, "?q=open-ENDED")).toEqual(["Open-ended"]);
    expect(await scopes(c.admin, `?partnerId=${acme}&status=expiring`)).toEqual([
      "Expires today",
      "Expires in 30",
    ]);
  });

  it("shows only the caller's organization", async () => {
    expect(await scopes(c.other)).toEqual(["Their NDA"]);
    expect(await scopes(c.other, `?partnerId=${acme}`)).toEqual([]);
  });

  it("answers 400 to bad queries, 422 to a foreign cursor, 401 anonymously, 403 to partner users", async () => {
    problem(await list(c.admin, "?status=draft"), 400, "validation_failed");
    problem(await list(c.admin, "?sort=title"), 400);
    problem(await list(c.admin, "?limit=0"), 400);
    const cursor = (await list(c.admin, "?limit=1")).json().nextCursor;
    expectField(
      problem(await list(c.admin, `?sort=createdAt&cursor=${encodeURIComponent(cursor)}`), 422),
      "query.cursor",
    );
    problem(await list(null), 401, "unauthenticated");
    problem(await list(c.partnerUser), 403, "forbidden");
  });
});
