-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'REPORTED', 'RETURNED', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "TaskOutcome" AS ENUM ('DONE', 'NOT_DONE');

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "subjectKind" "SubjectKind" NOT NULL,
    "memberId" TEXT,
    "organizationId" TEXT,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "assignedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "expectedProduct" TEXT NOT NULL,
    "qualityMeasure" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "TaskOutcome",
    "doneOn" DATE,
    "product" TEXT,
    "productLink" TEXT,
    "exceeded" BOOLEAN NOT NULL DEFAULT false,
    "exceededGrounds" TEXT,
    "notDoneReason" TEXT,
    "forceMajeure" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "reportedAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskFile" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskQuarterReview" (
    "id" TEXT NOT NULL,
    "subjectKind" "SubjectKind" NOT NULL,
    "memberId" TEXT,
    "organizationId" TEXT,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "selfLevel" "RatingLevel",
    "selfNote" TEXT,
    "selfAt" TIMESTAMP(3),
    "confirmedLevel" "RatingLevel",
    "confirmedNote" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "confirmedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TaskQuarterReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Task_memberId_year_dueOn_idx" ON "Task"("memberId", "year", "dueOn");

-- CreateIndex
CREATE INDEX "Task_organizationId_year_dueOn_idx" ON "Task"("organizationId", "year", "dueOn");

-- CreateIndex
CREATE INDEX "Task_status_memberId_idx" ON "Task"("status", "memberId");

-- CreateIndex
CREATE INDEX "Task_status_organizationId_idx" ON "Task"("status", "organizationId");

-- CreateIndex
CREATE INDEX "TaskFile_taskId_idx" ON "TaskFile"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskQuarterReview_memberId_year_quarter_key" ON "TaskQuarterReview"("memberId", "year", "quarter");

-- CreateIndex
CREATE UNIQUE INDEX "TaskQuarterReview_organizationId_year_quarter_key" ON "TaskQuarterReview"("organizationId", "year", "quarter");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskFile" ADD CONSTRAINT "TaskFile_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskQuarterReview" ADD CONSTRAINT "TaskQuarterReview_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskQuarterReview" ADD CONSTRAINT "TaskQuarterReview_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskQuarterReview" ADD CONSTRAINT "TaskQuarterReview_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
