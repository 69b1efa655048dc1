-- CreateEnum
CREATE TYPE "ScoreFramework" AS ENUM ('NON_LEADER', 'LEADER', 'OUTSIDE_SYSTEM', 'COLLECTIVE');

-- AlterTable
ALTER TABLE "QuotaOverride" ADD COLUMN     "ratePercent" INTEGER;

-- AlterTable
ALTER TABLE "ReviewRecord" ADD COLUMN     "category" "MemberCategory",
ADD COLUMN     "corruptionInScope" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "fiveTargetsMissed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "leadershipDisciplines" JSONB,
ADD COLUMN     "leadershipMemberDegraded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ledUnitsCount" INTEGER,
ADD COLUMN     "ledUnitsNotCompleted" INTEGER,
ADD COLUMN     "lowConfidenceOver50" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "prohibitedActsConcluded" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scoreGeneralTenths" INTEGER,
ADD COLUMN     "scoreItems" JSONB,
ADD COLUMN     "scoreResultsTenths" INTEGER,
ADD COLUMN     "shortcomingsNamed" INTEGER,
ADD COLUMN     "shortcomingsRemedied" INTEGER,
ADD COLUMN     "tasksAssigned" INTEGER,
ADD COLUMN     "tasksCompleted" INTEGER,
ADD COLUMN     "tasksExceeded" INTEGER,
ADD COLUMN     "tasksOnTime" INTEGER;

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "framework" "ScoreFramework" NOT NULL,
    "groups" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_cycleId_framework_key" ON "ScoreSheet"("cycleId", "framework");

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The facts of QD366_HD43 keep their order in the database too, whatever writes them
-- (docs/rating-rules.md §7): scores within 0–30 and 0–70 points (in tenths), tasks and shortcomings
-- counted in order, a rate raised by decision to at most 25 %.
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_score_range_check" CHECK (
  ("scoreGeneralTenths" IS NULL OR "scoreGeneralTenths" BETWEEN 0 AND 300)
  AND ("scoreResultsTenths" IS NULL OR "scoreResultsTenths" BETWEEN 0 AND 700)
);
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_tasks_order_check" CHECK (
  "tasksAssigned" >= 0 AND "tasksCompleted" >= 0 AND "tasksOnTime" >= 0 AND "tasksExceeded" >= 0
  AND "tasksCompleted" <= "tasksAssigned" AND "tasksOnTime" <= "tasksCompleted" AND "tasksExceeded" <= "tasksCompleted"
);
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_shortcomings_order_check" CHECK (
  "shortcomingsNamed" >= 0 AND "shortcomingsRemedied" >= 0 AND "shortcomingsRemedied" <= "shortcomingsNamed"
);
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_led_units_order_check" CHECK (
  "ledUnitsCount" >= 0 AND "ledUnitsNotCompleted" >= 0 AND "ledUnitsNotCompleted" <= "ledUnitsCount"
);
ALTER TABLE "QuotaOverride" ADD CONSTRAINT "QuotaOverride_rate_percent_check" CHECK (
  "ratePercent" IS NULL OR "ratePercent" BETWEEN 21 AND 25
);
