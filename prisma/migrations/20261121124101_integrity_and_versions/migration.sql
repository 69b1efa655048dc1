-- DropIndex
DROP INDEX "Member_cellId_fullName_idx";

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ReviewCycle" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "SelfReview" DROP COLUMN "selfLevel";

-- CreateIndex
CREATE INDEX "Member_cellId_nameSearch_idx" ON "Member"("cellId", "nameSearch");

-- CreateIndex
CREATE INDEX "Member_nameSearch_id_idx" ON "Member"("nameSearch", "id");

-- AddForeignKey
ALTER TABLE "QuotaOverride" ADD CONSTRAINT "QuotaOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReview" ADD CONSTRAINT "SelfReview_enteredOnBehalfById_fkey" FOREIGN KEY ("enteredOnBehalfById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A review record is about exactly one subject, of the kind it says.
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_one_subject_check" CHECK (
  ("subjectKind" = 'MEMBER' AND "memberId" IS NOT NULL AND "organizationId" IS NULL)
  OR ("subjectKind" = 'ORGANIZATION' AND "organizationId" IS NOT NULL AND "memberId" IS NULL)
);

-- The audit log is append-only against TRUNCATE too (row triggers do not see it).
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
