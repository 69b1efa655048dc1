-- The year's figures per cell and peer group ("RecordTally"), kept by triggers on "ReviewRecord" so
-- that every writer (the app, the seed, an import) keeps them exact in the same transaction as the
-- change. The reports read a few thousand tally rows instead of every record of a province. A restore
-- (scripts/db-backup.mjs, triggers off) brings the table back as it was backed up.
-- The columns are those of "RecordTally" in prisma/schema.prisma, read by lib/data/record-tally.ts.

CREATE TABLE "RecordTally" (
    "cycleId" TEXT NOT NULL,
    "scopeOrgId" TEXT NOT NULL,
    "subjectKind" "SubjectKind" NOT NULL,
    "peerGroupId" TEXT NOT NULL DEFAULT '',
    "total" INTEGER NOT NULL DEFAULT 0,
    "draft" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "reviewed" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "published" INTEGER NOT NULL DEFAULT 0,
    "absent" INTEGER NOT NULL DEFAULT 0,
    "notRated" INTEGER NOT NULL DEFAULT 0,
    "underRereview" INTEGER NOT NULL DEFAULT 0,
    "notRatedExempt" INTEGER NOT NULL DEFAULT 0,
    "notRatedSuspended" INTEGER NOT NULL DEFAULT 0,
    "notRatedNewMember" INTEGER NOT NULL DEFAULT 0,
    "notRatedNewOrganization" INTEGER NOT NULL DEFAULT 0,
    "notRatedOther" INTEGER NOT NULL DEFAULT 0,
    "excellent" INTEGER NOT NULL DEFAULT 0,
    "good" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "notCompleted" INTEGER NOT NULL DEFAULT 0,
    "standingExcellent" INTEGER NOT NULL DEFAULT 0,
    "standingGood" INTEGER NOT NULL DEFAULT 0,
    "score0" INTEGER NOT NULL DEFAULT 0,
    "score1" INTEGER NOT NULL DEFAULT 0,
    "score2" INTEGER NOT NULL DEFAULT 0,
    "score3" INTEGER NOT NULL DEFAULT 0,
    "score4" INTEGER NOT NULL DEFAULT 0,
    "score5" INTEGER NOT NULL DEFAULT 0,
    "score6" INTEGER NOT NULL DEFAULT 0,
    "score7" INTEGER NOT NULL DEFAULT 0,
    "score8" INTEGER NOT NULL DEFAULT 0,
    "score9" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RecordTally_pkey" PRIMARY KEY ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId")
);

CREATE INDEX "RecordTally_scopeOrgId_idx" ON "RecordTally"("scopeOrgId");

ALTER TABLE "RecordTally" ADD CONSTRAINT "RecordTally_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RecordTally" ADD CONSTRAINT "RecordTally_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One statement's changes as counts per tally row: inserted rows add, deleted rows subtract, an update
-- subtracts the old row and adds the new one; a row whose figures did not move takes no lock at all.
-- Tally rows are written in key order, so two statements never wait on each other in a cycle.
CREATE FUNCTION "RecordTally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RecordTally" ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId", "total", "draft", "submitted", "returned", "reviewed", "decided", "published", "absent", "notRated", "underRereview", "notRatedExempt", "notRatedSuspended", "notRatedNewMember", "notRatedNewOrganization", "notRatedOther", "excellent", "good", "completed", "notCompleted", "standingExcellent", "standingGood", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9")
    SELECT r."cycleId", r."scopeOrgId", r."subjectKind", COALESCE(r."peerGroupId", '') AS "peerGroupId",
           (count(*) FILTER (WHERE true))::int AS "total",
           (count(*) FILTER (WHERE r.state = 'DRAFT'))::int AS "draft",
           (count(*) FILTER (WHERE r.state = 'SUBMITTED'))::int AS "submitted",
           (count(*) FILTER (WHERE r.state = 'RETURNED'))::int AS "returned",
           (count(*) FILTER (WHERE r.state = 'REVIEWED'))::int AS "reviewed",
           (count(*) FILTER (WHERE r.state = 'DECIDED'))::int AS "decided",
           (count(*) FILTER (WHERE r.state = 'PUBLISHED'))::int AS "published",
           (count(*) FILTER (WHERE r.state = 'ABSENT'))::int AS "absent",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED'))::int AS "notRated",
           (count(*) FILTER (WHERE r.state = 'UNDER_REREVIEW'))::int AS "underRereview",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'))::int AS "notRatedExempt",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'))::int AS "notRatedSuspended",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'))::int AS "notRatedNewMember",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'))::int AS "notRatedNewOrganization",
           (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')))::int AS "notRatedOther",
           (count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT'))::int AS "excellent",
           (count(*) FILTER (WHERE r."decidedLevel" = 'GOOD'))::int AS "good",
           (count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED'))::int AS "completed",
           (count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED'))::int AS "notCompleted",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'EXCELLENT'))::int AS "standingExcellent",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'GOOD'))::int AS "standingGood",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 0))::int AS "score0",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 1))::int AS "score1",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 2))::int AS "score2",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 3))::int AS "score3",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 4))::int AS "score4",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 5))::int AS "score5",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 6))::int AS "score6",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 7))::int AS "score7",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 8))::int AS "score8",
           (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 9))::int AS "score9"
      FROM new_rows r GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId") DO UPDATE SET
    "total" = "RecordTally"."total" + EXCLUDED."total",
    "draft" = "RecordTally"."draft" + EXCLUDED."draft",
    "submitted" = "RecordTally"."submitted" + EXCLUDED."submitted",
    "returned" = "RecordTally"."returned" + EXCLUDED."returned",
    "reviewed" = "RecordTally"."reviewed" + EXCLUDED."reviewed",
    "decided" = "RecordTally"."decided" + EXCLUDED."decided",
    "published" = "RecordTally"."published" + EXCLUDED."published",
    "absent" = "RecordTally"."absent" + EXCLUDED."absent",
    "notRated" = "RecordTally"."notRated" + EXCLUDED."notRated",
    "underRereview" = "RecordTally"."underRereview" + EXCLUDED."underRereview",
    "notRatedExempt" = "RecordTally"."notRatedExempt" + EXCLUDED."notRatedExempt",
    "notRatedSuspended" = "RecordTally"."notRatedSuspended" + EXCLUDED."notRatedSuspended",
    "notRatedNewMember" = "RecordTally"."notRatedNewMember" + EXCLUDED."notRatedNewMember",
    "notRatedNewOrganization" = "RecordTally"."notRatedNewOrganization" + EXCLUDED."notRatedNewOrganization",
    "notRatedOther" = "RecordTally"."notRatedOther" + EXCLUDED."notRatedOther",
    "excellent" = "RecordTally"."excellent" + EXCLUDED."excellent",
    "good" = "RecordTally"."good" + EXCLUDED."good",
    "completed" = "RecordTally"."completed" + EXCLUDED."completed",
    "notCompleted" = "RecordTally"."notCompleted" + EXCLUDED."notCompleted",
    "standingExcellent" = "RecordTally"."standingExcellent" + EXCLUDED."standingExcellent",
    "standingGood" = "RecordTally"."standingGood" + EXCLUDED."standingGood",
    "score0" = "RecordTally"."score0" + EXCLUDED."score0",
    "score1" = "RecordTally"."score1" + EXCLUDED."score1",
    "score2" = "RecordTally"."score2" + EXCLUDED."score2",
    "score3" = "RecordTally"."score3" + EXCLUDED."score3",
    "score4" = "RecordTally"."score4" + EXCLUDED."score4",
    "score5" = "RecordTally"."score5" + EXCLUDED."score5",
    "score6" = "RecordTally"."score6" + EXCLUDED."score6",
    "score7" = "RecordTally"."score7" + EXCLUDED."score7",
    "score8" = "RecordTally"."score8" + EXCLUDED."score8",
    "score9" = "RecordTally"."score9" + EXCLUDED."score9";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "RecordTally" ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId", "total", "draft", "submitted", "returned", "reviewed", "decided", "published", "absent", "notRated", "underRereview", "notRatedExempt", "notRatedSuspended", "notRatedNewMember", "notRatedNewOrganization", "notRatedOther", "excellent", "good", "completed", "notCompleted", "standingExcellent", "standingGood", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9")
    SELECT d.* FROM (
      SELECT "cycleId", "scopeOrgId", "subjectKind", "peerGroupId", sum("total")::int AS "total", sum("draft")::int AS "draft", sum("submitted")::int AS "submitted", sum("returned")::int AS "returned", sum("reviewed")::int AS "reviewed", sum("decided")::int AS "decided", sum("published")::int AS "published", sum("absent")::int AS "absent", sum("notRated")::int AS "notRated", sum("underRereview")::int AS "underRereview", sum("notRatedExempt")::int AS "notRatedExempt", sum("notRatedSuspended")::int AS "notRatedSuspended", sum("notRatedNewMember")::int AS "notRatedNewMember", sum("notRatedNewOrganization")::int AS "notRatedNewOrganization", sum("notRatedOther")::int AS "notRatedOther", sum("excellent")::int AS "excellent", sum("good")::int AS "good", sum("completed")::int AS "completed", sum("notCompleted")::int AS "notCompleted", sum("standingExcellent")::int AS "standingExcellent", sum("standingGood")::int AS "standingGood", sum("score0")::int AS "score0", sum("score1")::int AS "score1", sum("score2")::int AS "score2", sum("score3")::int AS "score3", sum("score4")::int AS "score4", sum("score5")::int AS "score5", sum("score6")::int AS "score6", sum("score7")::int AS "score7", sum("score8")::int AS "score8", sum("score9")::int AS "score9"
        FROM (
          SELECT r."cycleId", r."scopeOrgId", r."subjectKind", COALESCE(r."peerGroupId", '') AS "peerGroupId",
                 (count(*) FILTER (WHERE true))::int AS "total",
                 (count(*) FILTER (WHERE r.state = 'DRAFT'))::int AS "draft",
                 (count(*) FILTER (WHERE r.state = 'SUBMITTED'))::int AS "submitted",
                 (count(*) FILTER (WHERE r.state = 'RETURNED'))::int AS "returned",
                 (count(*) FILTER (WHERE r.state = 'REVIEWED'))::int AS "reviewed",
                 (count(*) FILTER (WHERE r.state = 'DECIDED'))::int AS "decided",
                 (count(*) FILTER (WHERE r.state = 'PUBLISHED'))::int AS "published",
                 (count(*) FILTER (WHERE r.state = 'ABSENT'))::int AS "absent",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED'))::int AS "notRated",
                 (count(*) FILTER (WHERE r.state = 'UNDER_REREVIEW'))::int AS "underRereview",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'))::int AS "notRatedExempt",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'))::int AS "notRatedSuspended",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'))::int AS "notRatedNewMember",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'))::int AS "notRatedNewOrganization",
                 (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')))::int AS "notRatedOther",
                 (count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT'))::int AS "excellent",
                 (count(*) FILTER (WHERE r."decidedLevel" = 'GOOD'))::int AS "good",
                 (count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED'))::int AS "completed",
                 (count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED'))::int AS "notCompleted",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'EXCELLENT'))::int AS "standingExcellent",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'GOOD'))::int AS "standingGood",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 0))::int AS "score0",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 1))::int AS "score1",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 2))::int AS "score2",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 3))::int AS "score3",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 4))::int AS "score4",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 5))::int AS "score5",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 6))::int AS "score6",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 7))::int AS "score7",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 8))::int AS "score8",
                 (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 9))::int AS "score9"
            FROM new_rows r GROUP BY 1, 2, 3, 4
          UNION ALL
          SELECT r."cycleId", r."scopeOrgId", r."subjectKind", COALESCE(r."peerGroupId", '') AS "peerGroupId",
                 -(count(*) FILTER (WHERE true))::int AS "total",
                 -(count(*) FILTER (WHERE r.state = 'DRAFT'))::int AS "draft",
                 -(count(*) FILTER (WHERE r.state = 'SUBMITTED'))::int AS "submitted",
                 -(count(*) FILTER (WHERE r.state = 'RETURNED'))::int AS "returned",
                 -(count(*) FILTER (WHERE r.state = 'REVIEWED'))::int AS "reviewed",
                 -(count(*) FILTER (WHERE r.state = 'DECIDED'))::int AS "decided",
                 -(count(*) FILTER (WHERE r.state = 'PUBLISHED'))::int AS "published",
                 -(count(*) FILTER (WHERE r.state = 'ABSENT'))::int AS "absent",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED'))::int AS "notRated",
                 -(count(*) FILTER (WHERE r.state = 'UNDER_REREVIEW'))::int AS "underRereview",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'))::int AS "notRatedExempt",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'))::int AS "notRatedSuspended",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'))::int AS "notRatedNewMember",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'))::int AS "notRatedNewOrganization",
                 -(count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')))::int AS "notRatedOther",
                 -(count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT'))::int AS "excellent",
                 -(count(*) FILTER (WHERE r."decidedLevel" = 'GOOD'))::int AS "good",
                 -(count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED'))::int AS "completed",
                 -(count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED'))::int AS "notCompleted",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'EXCELLENT'))::int AS "standingExcellent",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'GOOD'))::int AS "standingGood",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 0))::int AS "score0",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 1))::int AS "score1",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 2))::int AS "score2",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 3))::int AS "score3",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 4))::int AS "score4",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 5))::int AS "score5",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 6))::int AS "score6",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 7))::int AS "score7",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 8))::int AS "score8",
                 -(count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 9))::int AS "score9"
            FROM old_rows r GROUP BY 1, 2, 3, 4
        ) s
       GROUP BY 1, 2, 3, 4
      HAVING sum("total") <> 0 OR sum("draft") <> 0 OR sum("submitted") <> 0 OR sum("returned") <> 0 OR sum("reviewed") <> 0 OR sum("decided") <> 0 OR sum("published") <> 0 OR sum("absent") <> 0 OR sum("notRated") <> 0 OR sum("underRereview") <> 0 OR sum("notRatedExempt") <> 0 OR sum("notRatedSuspended") <> 0 OR sum("notRatedNewMember") <> 0 OR sum("notRatedNewOrganization") <> 0 OR sum("notRatedOther") <> 0 OR sum("excellent") <> 0 OR sum("good") <> 0 OR sum("completed") <> 0 OR sum("notCompleted") <> 0 OR sum("standingExcellent") <> 0 OR sum("standingGood") <> 0 OR sum("score0") <> 0 OR sum("score1") <> 0 OR sum("score2") <> 0 OR sum("score3") <> 0 OR sum("score4") <> 0 OR sum("score5") <> 0 OR sum("score6") <> 0 OR sum("score7") <> 0 OR sum("score8") <> 0 OR sum("score9") <> 0
    ) d ORDER BY 1, 2, 3, 4
  ON CONFLICT ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId") DO UPDATE SET
    "total" = "RecordTally"."total" + EXCLUDED."total",
    "draft" = "RecordTally"."draft" + EXCLUDED."draft",
    "submitted" = "RecordTally"."submitted" + EXCLUDED."submitted",
    "returned" = "RecordTally"."returned" + EXCLUDED."returned",
    "reviewed" = "RecordTally"."reviewed" + EXCLUDED."reviewed",
    "decided" = "RecordTally"."decided" + EXCLUDED."decided",
    "published" = "RecordTally"."published" + EXCLUDED."published",
    "absent" = "RecordTally"."absent" + EXCLUDED."absent",
    "notRated" = "RecordTally"."notRated" + EXCLUDED."notRated",
    "underRereview" = "RecordTally"."underRereview" + EXCLUDED."underRereview",
    "notRatedExempt" = "RecordTally"."notRatedExempt" + EXCLUDED."notRatedExempt",
    "notRatedSuspended" = "RecordTally"."notRatedSuspended" + EXCLUDED."notRatedSuspended",
    "notRatedNewMember" = "RecordTally"."notRatedNewMember" + EXCLUDED."notRatedNewMember",
    "notRatedNewOrganization" = "RecordTally"."notRatedNewOrganization" + EXCLUDED."notRatedNewOrganization",
    "notRatedOther" = "RecordTally"."notRatedOther" + EXCLUDED."notRatedOther",
    "excellent" = "RecordTally"."excellent" + EXCLUDED."excellent",
    "good" = "RecordTally"."good" + EXCLUDED."good",
    "completed" = "RecordTally"."completed" + EXCLUDED."completed",
    "notCompleted" = "RecordTally"."notCompleted" + EXCLUDED."notCompleted",
    "standingExcellent" = "RecordTally"."standingExcellent" + EXCLUDED."standingExcellent",
    "standingGood" = "RecordTally"."standingGood" + EXCLUDED."standingGood",
    "score0" = "RecordTally"."score0" + EXCLUDED."score0",
    "score1" = "RecordTally"."score1" + EXCLUDED."score1",
    "score2" = "RecordTally"."score2" + EXCLUDED."score2",
    "score3" = "RecordTally"."score3" + EXCLUDED."score3",
    "score4" = "RecordTally"."score4" + EXCLUDED."score4",
    "score5" = "RecordTally"."score5" + EXCLUDED."score5",
    "score6" = "RecordTally"."score6" + EXCLUDED."score6",
    "score7" = "RecordTally"."score7" + EXCLUDED."score7",
    "score8" = "RecordTally"."score8" + EXCLUDED."score8",
    "score9" = "RecordTally"."score9" + EXCLUDED."score9";
  ELSE
    -- Update only: when a cycle or an organization is deleted its tally rows may be gone already.
    UPDATE "RecordTally" t SET
           "total" = t."total" - d."total",
           "draft" = t."draft" - d."draft",
           "submitted" = t."submitted" - d."submitted",
           "returned" = t."returned" - d."returned",
           "reviewed" = t."reviewed" - d."reviewed",
           "decided" = t."decided" - d."decided",
           "published" = t."published" - d."published",
           "absent" = t."absent" - d."absent",
           "notRated" = t."notRated" - d."notRated",
           "underRereview" = t."underRereview" - d."underRereview",
           "notRatedExempt" = t."notRatedExempt" - d."notRatedExempt",
           "notRatedSuspended" = t."notRatedSuspended" - d."notRatedSuspended",
           "notRatedNewMember" = t."notRatedNewMember" - d."notRatedNewMember",
           "notRatedNewOrganization" = t."notRatedNewOrganization" - d."notRatedNewOrganization",
           "notRatedOther" = t."notRatedOther" - d."notRatedOther",
           "excellent" = t."excellent" - d."excellent",
           "good" = t."good" - d."good",
           "completed" = t."completed" - d."completed",
           "notCompleted" = t."notCompleted" - d."notCompleted",
           "standingExcellent" = t."standingExcellent" - d."standingExcellent",
           "standingGood" = t."standingGood" - d."standingGood",
           "score0" = t."score0" - d."score0",
           "score1" = t."score1" - d."score1",
           "score2" = t."score2" - d."score2",
           "score3" = t."score3" - d."score3",
           "score4" = t."score4" - d."score4",
           "score5" = t."score5" - d."score5",
           "score6" = t."score6" - d."score6",
           "score7" = t."score7" - d."score7",
           "score8" = t."score8" - d."score8",
           "score9" = t."score9" - d."score9"
      FROM (SELECT r."cycleId", r."scopeOrgId", r."subjectKind", COALESCE(r."peerGroupId", '') AS "peerGroupId",
                   (count(*) FILTER (WHERE true))::int AS "total",
                   (count(*) FILTER (WHERE r.state = 'DRAFT'))::int AS "draft",
                   (count(*) FILTER (WHERE r.state = 'SUBMITTED'))::int AS "submitted",
                   (count(*) FILTER (WHERE r.state = 'RETURNED'))::int AS "returned",
                   (count(*) FILTER (WHERE r.state = 'REVIEWED'))::int AS "reviewed",
                   (count(*) FILTER (WHERE r.state = 'DECIDED'))::int AS "decided",
                   (count(*) FILTER (WHERE r.state = 'PUBLISHED'))::int AS "published",
                   (count(*) FILTER (WHERE r.state = 'ABSENT'))::int AS "absent",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED'))::int AS "notRated",
                   (count(*) FILTER (WHERE r.state = 'UNDER_REREVIEW'))::int AS "underRereview",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'))::int AS "notRatedExempt",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'))::int AS "notRatedSuspended",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'))::int AS "notRatedNewMember",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'))::int AS "notRatedNewOrganization",
                   (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')))::int AS "notRatedOther",
                   (count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT'))::int AS "excellent",
                   (count(*) FILTER (WHERE r."decidedLevel" = 'GOOD'))::int AS "good",
                   (count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED'))::int AS "completed",
                   (count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED'))::int AS "notCompleted",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'EXCELLENT'))::int AS "standingExcellent",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'GOOD'))::int AS "standingGood",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 0))::int AS "score0",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 1))::int AS "score1",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 2))::int AS "score2",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 3))::int AS "score3",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 4))::int AS "score4",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 5))::int AS "score5",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 6))::int AS "score6",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 7))::int AS "score7",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 8))::int AS "score8",
                   (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 9))::int AS "score9"
              FROM old_rows r GROUP BY 1, 2, 3, 4) d
     WHERE t."cycleId" = d."cycleId" AND t."scopeOrgId" = d."scopeOrgId" AND t."subjectKind" = d."subjectKind" AND t."peerGroupId" = d."peerGroupId";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "RecordTally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "RecordTally";
  RETURN NULL;
END
$$;

CREATE TRIGGER "RecordTally_insert" AFTER INSERT ON "ReviewRecord"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "RecordTally_apply"();
CREATE TRIGGER "RecordTally_update" AFTER UPDATE ON "ReviewRecord"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "RecordTally_apply"();
CREATE TRIGGER "RecordTally_delete" AFTER DELETE ON "ReviewRecord"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "RecordTally_apply"();
CREATE TRIGGER "RecordTally_truncate" AFTER TRUNCATE ON "ReviewRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION "RecordTally_truncate"();

-- The figures of the records already there.
INSERT INTO "RecordTally" ("cycleId", "scopeOrgId", "subjectKind", "peerGroupId", "total", "draft", "submitted", "returned", "reviewed", "decided", "published", "absent", "notRated", "underRereview", "notRatedExempt", "notRatedSuspended", "notRatedNewMember", "notRatedNewOrganization", "notRatedOther", "excellent", "good", "completed", "notCompleted", "standingExcellent", "standingGood", "score0", "score1", "score2", "score3", "score4", "score5", "score6", "score7", "score8", "score9")
SELECT r."cycleId", r."scopeOrgId", r."subjectKind", COALESCE(r."peerGroupId", '') AS "peerGroupId",
       (count(*) FILTER (WHERE true))::int AS "total",
       (count(*) FILTER (WHERE r.state = 'DRAFT'))::int AS "draft",
       (count(*) FILTER (WHERE r.state = 'SUBMITTED'))::int AS "submitted",
       (count(*) FILTER (WHERE r.state = 'RETURNED'))::int AS "returned",
       (count(*) FILTER (WHERE r.state = 'REVIEWED'))::int AS "reviewed",
       (count(*) FILTER (WHERE r.state = 'DECIDED'))::int AS "decided",
       (count(*) FILTER (WHERE r.state = 'PUBLISHED'))::int AS "published",
       (count(*) FILTER (WHERE r.state = 'ABSENT'))::int AS "absent",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED'))::int AS "notRated",
       (count(*) FILTER (WHERE r.state = 'UNDER_REREVIEW'))::int AS "underRereview",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'EXEMPT'))::int AS "notRatedExempt",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'SUSPENDED'))::int AS "notRatedSuspended",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_MEMBER'))::int AS "notRatedNewMember",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND r."notRatedReason" = 'NEW_ORGANIZATION'))::int AS "notRatedNewOrganization",
       (count(*) FILTER (WHERE r.state = 'NOT_RATED' AND (r."notRatedReason" IS NULL OR r."notRatedReason" = 'OTHER')))::int AS "notRatedOther",
       (count(*) FILTER (WHERE r."decidedLevel" = 'EXCELLENT'))::int AS "excellent",
       (count(*) FILTER (WHERE r."decidedLevel" = 'GOOD'))::int AS "good",
       (count(*) FILTER (WHERE r."decidedLevel" = 'COMPLETED'))::int AS "completed",
       (count(*) FILTER (WHERE r."decidedLevel" = 'NOT_COMPLETED'))::int AS "notCompleted",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'EXCELLENT'))::int AS "standingExcellent",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND COALESCE(r."decidedLevel", r."proposedLevel") = 'GOOD'))::int AS "standingGood",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 0))::int AS "score0",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 1))::int AS "score1",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 2))::int AS "score2",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 3))::int AS "score3",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 4))::int AS "score4",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 5))::int AS "score5",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 6))::int AS "score6",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 7))::int AS "score7",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 8))::int AS "score8",
       (count(*) FILTER (WHERE r.state <> 'NOT_RATED' AND r."scoreGeneralTenths" IS NOT NULL AND r."scoreResultsTenths" IS NOT NULL AND LEAST((r."scoreGeneralTenths" + r."scoreResultsTenths") / 100, 9) = 9))::int AS "score9"
  FROM "ReviewRecord" r GROUP BY 1, 2, 3, 4;
