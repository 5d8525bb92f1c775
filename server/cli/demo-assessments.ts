import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { CreateAssessment } from "../../domain/assessments.js";
import { CreateContact } from "../../domain/partner-parts.js";
import { allQuestions, answerProblems, visibleQuestions } from "../../domain/questionnaire-answers.js";
import { CreateTemplate } from "../../domain/questionnaire-templates.js";
import type { AnswerValue, Question, TemplateContent } from "../../domain/questionnaires.js";
import { addDays, todayUtc } from "../../domain/time.js";
import { assessmentContent, saveAnswers } from "../modules/assessments/answers.js";
import { createAssessmentQueries } from "../modules/assessments/assessments.query.js";
import { createAssessmentReview } from "../modules/assessments/assessments.review.js";
import { createAssessmentService } from "../modules/assessments/assessments.service.js";
import { assessmentEvidence, assessments } from "../modules/assessments/assessments.tables.js";
import { encryptLegacyEvidence } from "../modules/assessments/evidence.store.js";
import { contactKind } from "../modules/partners/parts.kinds.js";
import { createPartService } from "../modules/partners/parts.service.js";
import { createQuestionnaireTemplateService } from "../modules/questionnaires/questionnaires.service.js";
import { users } from "../modules/users/users.tables.js";
import type { Actor } from "../platform/access.js";
import { auditActorOf, recordAudit, systemActor } from "../platform/audit/audit.service.js";
import { hashPassword } from "../platform/auth/passwords.js";
import type { Runtime } from "../platform/runtime.js";

/** The demo's partner-portal login: a user of Pampa Nearshore Labs, which has a questionnaire open. */
export const DEMO_PARTNER_USER = {
  name: "Pablo Ortiz",
  email: "partner@outsight.example",
  partner: "Pampa Nearshore Labs",
} as const;

/** Bundled templates the demo copies into its library. */
const LIBRARY = ["information_security", "privacy_data_protection", "business_continuity"] as const;

type Stage = "draft" | "sent" | "in_progress" | "submitted" | "completed";

/** One demo assessment per stage of the flow, at partners whose lifecycle status fits it. */
const ASSESSMENTS: {
  partner: string;
  template: (typeof LIBRARY)[number];
  purpose: "due_diligence" | "reassessment";
  stage: Stage;
  dueInDays: number;
  note?: string;
}[] = [
  {
    partner: "Lisbon Legal Advisors",
    template: "privacy_data_protection",
    purpose: "due_diligence",
    stage: "draft",
    dueInDays: 30,
  },
  {
    partner: "Cluj Digital",
    template: "business_continuity",
    purpose: "reassessment",
    stage: "sent",
    dueInDays: 5,
  },
  {
    partner: "Pampa Nearshore Labs",
    template: "information_security",
    purpose: "due_diligence",
    stage: "in_progress",
    dueInDays: 10,
  },
  {
    partner: "Bangalore Code Works",
    template: "privacy_data_protection",
    purpose: "reassessment",
    stage: "submitted",
    dueInDays: 2,
    note: "Answers received offline (XLSX) and entered by the vendor manager.",
  },
  {
    partner: "Nairobi Data Services",
    template: "information_security",
    purpose: "due_diligence",
    stage: "completed",
    dueInDays: 0,
  },
];

/**
 * A plausible, valid answer to `q`: the best choice mostly, the second best now and then so the
 * score is not a flat 100. File questions get the evidence id `fileId`.
 */
function answerFor(q: Question, i: number, fileId: string): AnswerValue | undefined {
  const ranked = [...(q.options ?? [])].sort((a, b) => b.score - a.score);
  const pick = i % 4 === 3 && ranked.length > 1 ? ranked[1] : ranked[0];
  switch (q.type) {
    case "yes_no":
      return i % 5 === 4 ? (q.yesScore ?? 100) < 50 : (q.yesScore ?? 100) >= 50;
    case "single_choice":
      return pick?.value;
    case "multi_choice": {
      // Informational lists score nothing: take their first two options then.
      const scoring = ranked.filter((o) => o.score > 0);
      return (scoring.length ? scoring : (q.options ?? [])).slice(0, 2).map((o) => o.value);
    }
    case "text":
      return "Documented in our policy handbook (version 3.2), reviewed yearly by the management board.";
    case "number":
      return 12;
    case "date":
      return addDays(todayUtc(), -90);
    case "file":
      return fileId;
  }
}

/** Answers to the first `fraction` of the questions, in order, following the conditions. */
function demoAnswers(content: TemplateContent, fraction: number, fileIds: Map<string, string>) {
  const answers: Record<string, AnswerValue> = {};
  const questions = allQuestions(content);
  const limit = Math.ceil(questions.length * fraction);
  for (const [i, q] of questions.slice(0, limit).entries()) {
    // Conditions refer to earlier questions only, so the answers so far decide visibility.
    if (!visibleQuestions(content, answers).has(q.key)) continue;
    const v = answerFor(q, i, fileIds.get(q.key) ?? "");
    if (v !== undefined) answers[q.key] = v;
  }
  const problems = answerProblems(content, answers, { forSubmit: fraction >= 1 });
  if (problems.length) throw new Error(`demo answers: ${JSON.stringify(problems)}`);
  return answers;
}

/**
 * `demo`: three bundled templates copied into the library, and an assessment at each stage of the
 * flow (draft, sent, in progress, submitted, completed with a stored score: a passed due diligence
 * for the partner in contracting). Made through the same services as the API, so the audit trail,
 * invitations and notifications are real; only what a partner does in the portal (saving answers,
 * uploading evidence, submitting) is done here on their behalf. Also creates the partner-portal
 * user of `DEMO_PARTNER_USER`. Returns the number of assessments.
 */
export async function loadDemoAssessments(
  runtime: Runtime,
  admin: Actor,
  partnerIds: Map<string, string>,
  staff: { riskManager: Actor; vendorManager: Actor },
  password: string,
): Promise<number> {
  const { db } = runtime.database;
  const templates = createQuestionnaireTemplateService(runtime);
  const queries = createAssessmentQueries(runtime);
  const service = createAssessmentService(runtime, queries);
  const review = createAssessmentReview(runtime, queries);
  const contacts = createPartService(runtime, contactKind);

  const templateIds = new Map<string, string>();
  for (const libraryKey of LIBRARY)
    templateIds.set(libraryKey, (await templates.create(admin, CreateTemplate.parse({ libraryKey }))).id);

  // The portal user answers for Pampa alongside its existing contact: a contact with the same
  // address, so sending links the existing user instead of inviting.
  const pampa = partnerIds.get(DEMO_PARTNER_USER.partner)!;
  const portalContact = await contacts.create(
    admin,
    pampa,
    CreateContact.parse({
      name: DEMO_PARTNER_USER.name,
      email: DEMO_PARTNER_USER.email,
      role: "Security lead",
    }),
  );
  const passwordHash = await hashPassword(password);
  const partnerUser = await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        orgId: admin.orgId,
        email: DEMO_PARTNER_USER.email,
        name: DEMO_PARTNER_USER.name,
        role: "partner",
        partnerId: pampa,
        passwordHash,
      })
      .returning();
    await recordAudit(tx, admin.orgId, systemActor("demo"), {
      action: "user.create",
      entityType: "user",
      entityId: u.id,
      relatedIds: [pampa],
      after: { name: u.name, email: u.email, role: u.role, partnerId: pampa },
    });
    return u;
  });
  const partnerActor: Actor = {
    ...admin,
    userId: partnerUser.id,
    name: partnerUser.name,
    email: partnerUser.email,
    role: "partner",
    partnerId: pampa,
  };

  for (const a of ASSESSMENTS) {
    const partnerId = partnerIds.get(a.partner)!;
    const contactIds = (await contacts.list(admin, partnerId)).items
      .filter((c: { email: string | null }) => c.email)
      .map((c: { id: string }) => c.id);
    const created = await service.create(
      staff.vendorManager,
      CreateAssessment.parse({
        partnerId,
        templateId: templateIds.get(a.template),
        dueDate: addDays(todayUtc(), a.dueInDays),
        recipientContactIds:
          partnerId === pampa
            ? [portalContact.id, ...contactIds.filter((id: string) => id !== portalContact.id)]
            : contactIds.slice(0, 1),
        purpose: a.purpose,
        note: a.note,
      }),
    );
    if (a.stage === "draft") continue;
    await service.send(staff.vendorManager, created.id);
    if (a.stage === "sent") continue;
    // Answers as the partner would give them: Pampa's user in the portal, the others offline
    // (the vendor manager imports the returned XLSX).
    const who = partnerId === pampa ? partnerActor : staff.vendorManager;
    const full = a.stage !== "in_progress";
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(assessments)
        .where(and(eq(assessments.id, created.id), eq(assessments.orgId, admin.orgId)))
        .for("update");
      const content = await assessmentContent(tx, row);
      const fileIds = new Map<string, string>();
      if (full)
        for (const q of allQuestions(content).filter((q) => q.type === "file" || q.evidenceRequired)) {
          const text = Buffer.from(`${q.text}\n\nEvidence supplied by ${a.partner} for the demo.\n`);
          const [file] = await tx
            .insert(assessmentEvidence)
            .values({
              orgId: admin.orgId,
              assessmentId: row.id,
              questionKey: q.key,
              fileName: `${q.key}.txt`,
              contentType: "text/plain",
              size: text.length,
              sha256: createHash("sha256").update(text).digest("hex"),
              content: text,
              uploadedBy: who.userId,
            })
            .returning({ id: assessmentEvidence.id });
          fileIds.set(q.key, file.id);
        }
      await saveAnswers(tx, who, row, content, demoAnswers(content, full ? 1 : 0.4, fileIds), {
        source: who === partnerActor ? "portal" : "import",
      });
      if (!full) return;
      const now = new Date();
      await tx
        .update(assessments)
        .set({ status: "submitted", submittedAt: now, updatedAt: now })
        .where(and(eq(assessments.id, row.id), eq(assessments.orgId, admin.orgId)));
      await recordAudit(tx, admin.orgId, auditActorOf(who), {
        action: "assessment.submitted",
        entityType: "assessment",
        entityId: row.id,
        relatedIds: [row.partnerId],
        before: { status: "in_progress" },
        after: { status: "submitted", submittedAt: now.toISOString() },
      });
    });
    if (a.stage === "completed") await review.complete(staff.riskManager, created.id, { conclusion: "pass" });
  }
  // The demo files were inserted as plain rows inside the seeding transactions: move them into
  // encrypted storage now, as the server would at its next start.
  await encryptLegacyEvidence(runtime);
  return ASSESSMENTS.length;
}
