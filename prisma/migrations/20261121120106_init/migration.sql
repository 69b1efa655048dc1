-- Trigram search on names that ignores diacritics (the app stores an unaccented lower-case copy).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('UPPER_COMMITTEE', 'DANG_BO_CO_SO', 'CHI_BO_CO_SO', 'DANG_BO_BO_PHAN', 'CHI_BO_TRUC_THUOC');

-- CreateEnum
CREATE TYPE "OrgSector" AS ENUM ('COMMUNE', 'AGENCY', 'SCHOOL', 'HEALTH', 'ENTERPRISE', 'ARMED_FORCES', 'RESIDENTIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('ACTIVE', 'EXEMPT', 'SUSPENDED', 'LEFT');

-- CreateEnum
CREATE TYPE "MemberCategory" AS ENUM ('NON_LEADER_IN_SYSTEM', 'LEADER_MANAGER', 'NOT_IN_POLITICAL_SYSTEM');

-- CreateEnum
CREATE TYPE "CellAssignmentKind" AS ENUM ('OFFICIAL', 'TEMPORARY');

-- CreateEnum
CREATE TYPE "RatingLevel" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED');

-- CreateEnum
CREATE TYPE "DisciplineForm" AS ENUM ('REPRIMAND', 'WARNING', 'DISMISSAL', 'EXPULSION');

-- CreateEnum
CREATE TYPE "LeaveKind" AS ENUM ('SICK', 'MATERNITY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MEMBER', 'CELL_SECRETARY', 'GRASSROOTS_COMMITTEE', 'UPPER_BOARD', 'UPPER_STANDING', 'ADMIN');

-- CreateEnum
CREATE TYPE "RuleSetId" AS ENUM ('QD132_HD21', 'QD124_HD25', 'QD366_HD43');

-- CreateEnum
CREATE TYPE "QuotaBase" AS ENUM ('GOOD_ONLY', 'GOOD_AND_EXCELLENT');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('PREPARING', 'SELF_REVIEW', 'DECIDING', 'PUBLISHED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SubjectKind" AS ENUM ('MEMBER', 'ORGANIZATION');

-- CreateEnum
CREATE TYPE "RecordState" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED', 'DECIDED', 'PUBLISHED', 'ABSENT', 'NOT_RATED', 'UNDER_REREVIEW');

-- CreateEnum
CREATE TYPE "NotRatedReason" AS ENUM ('EXEMPT', 'SUSPENDED', 'NEW_MEMBER', 'NEW_ORGANIZATION', 'OTHER');

-- CreateEnum
CREATE TYPE "OpinionSource" AS ENUM ('RESIDENCE', 'PREVIOUS_CELL', 'TEMPORARY_CELL');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('DRAFT', 'FINALIZED');

-- CreateEnum
CREATE TYPE "RemediationStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE');

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "kind" "OrgKind" NOT NULL,
    "sector" "OrgSector" NOT NULL,
    "parentId" TEXT,
    "depth" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "establishedOn" DATE NOT NULL,
    "dissolvedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgClosure" (
    "ancestorId" TEXT NOT NULL,
    "descendantId" TEXT NOT NULL,
    "distance" INTEGER NOT NULL,

    CONSTRAINT "OrgClosure_pkey" PRIMARY KEY ("ancestorId","descendantId")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "cardNumber" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "nameSearch" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthDate" DATE NOT NULL,
    "admittedOn" DATE NOT NULL,
    "officialOn" DATE,
    "category" "MemberCategory" NOT NULL,
    "post" TEXT,
    "isCivilServant" BOOLEAN NOT NULL DEFAULT false,
    "status" "MemberStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusSince" DATE,
    "cellId" TEXT NOT NULL,
    "grassrootsId" TEXT NOT NULL,
    "residenceCell" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberCellAssignment" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "cellId" TEXT NOT NULL,
    "kind" "CellAssignmentKind" NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "note" TEXT,

    CONSTRAINT "MemberCellAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CivilServiceRating" (
    "memberId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "RatingLevel" NOT NULL,

    CONSTRAINT "CivilServiceRating_pkey" PRIMARY KEY ("memberId","year")
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "form" "DisciplineForm" NOT NULL,
    "reason" TEXT NOT NULL,
    "selfDetectedAndRemedied" BOOLEAN NOT NULL DEFAULT false,
    "countedInYear" INTEGER,

    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "LeaveKind" NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "memberId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleAssignment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCycle" (
    "id" TEXT NOT NULL,
    "upperOrgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "ruleSet" "RuleSetId" NOT NULL,
    "ratingDate" DATE NOT NULL,
    "quotaBase" "QuotaBase" NOT NULL DEFAULT 'GOOD_ONLY',
    "status" "CycleStatus" NOT NULL DEFAULT 'PREPARING',
    "selfReviewDue" DATE NOT NULL,
    "meetingsDue" DATE NOT NULL,
    "grassrootsDue" DATE NOT NULL,
    "upperDecisionDue" DATE NOT NULL,
    "options" JSONB NOT NULL DEFAULT '{}',
    "peerGroupsFrozenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerGroup" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "kind" "SubjectKind" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "decidingOrgId" TEXT NOT NULL,

    CONSTRAINT "PeerGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaOverride" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "peerGroupId" TEXT NOT NULL,
    "decisionNo" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "issuer" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotaOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRecord" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "subjectKind" "SubjectKind" NOT NULL,
    "memberId" TEXT,
    "organizationId" TEXT,
    "scopeOrgId" TEXT NOT NULL,
    "peerGroupId" TEXT,
    "state" "RecordState" NOT NULL DEFAULT 'DRAFT',
    "notRatedReason" "NotRatedReason",
    "selfLevel" "RatingLevel",
    "proposedLevel" "RatingLevel",
    "decidedLevel" "RatingLevel",
    "criteria" JSONB,
    "voteTally" JSONB,
    "targetsCompletedPercent" INTEGER,
    "degradationConcluded" BOOLEAN NOT NULL DEFAULT false,
    "leadershipDisciplined" BOOLEAN NOT NULL DEFAULT false,
    "disunityConcluded" BOOLEAN NOT NULL DEFAULT false,
    "localBodiesAtLeastGood" BOOLEAN NOT NULL DEFAULT true,
    "forceMajeure" BOOLEAN NOT NULL DEFAULT false,
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfReview" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "content" JSONB NOT NULL DEFAULT '{}',
    "selfLevel" "RatingLevel",
    "enteredOnBehalfById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelfReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "source" "OpinionSource" NOT NULL,
    "text" TEXT NOT NULL,
    "givenOn" DATE NOT NULL,
    "givenBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "heldOn" DATE,
    "place" TEXT,
    "chairName" TEXT,
    "recorderName" TEXT,
    "minutes" JSONB NOT NULL DEFAULT '{}',
    "status" "MeetingStatus" NOT NULL DEFAULT 'DRAFT',
    "finalizedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingDecision" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "level" "RatingLevel" NOT NULL,
    "reason" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "RatingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RemediationItem" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "shortcoming" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "responsible" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "status" "RemediationStatus" NOT NULL DEFAULT 'OPEN',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RemediationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "organizationId" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_code_key" ON "Organization"("code");

-- CreateIndex
CREATE INDEX "Organization_parentId_position_idx" ON "Organization"("parentId", "position");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE INDEX "Organization_nameSearch_trgm_idx" ON "Organization" USING GIN ("nameSearch" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "OrgClosure_descendantId_distance_idx" ON "OrgClosure"("descendantId", "distance");

-- CreateIndex
CREATE UNIQUE INDEX "Member_cardNumber_key" ON "Member"("cardNumber");

-- CreateIndex
CREATE INDEX "Member_cellId_fullName_idx" ON "Member"("cellId", "fullName");

-- CreateIndex
CREATE INDEX "Member_grassrootsId_status_idx" ON "Member"("grassrootsId", "status");

-- CreateIndex
CREATE INDEX "Member_nameSearch_trgm_idx" ON "Member" USING GIN ("nameSearch" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "MemberCellAssignment_memberId_fromDate_idx" ON "MemberCellAssignment"("memberId", "fromDate");

-- CreateIndex
CREATE INDEX "MemberCellAssignment_cellId_kind_idx" ON "MemberCellAssignment"("cellId", "kind");

-- CreateIndex
CREATE INDEX "Discipline_memberId_decidedOn_idx" ON "Discipline"("memberId", "decidedOn");

-- CreateIndex
CREATE INDEX "Leave_memberId_fromDate_idx" ON "Leave"("memberId", "fromDate");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_memberId_idx" ON "User"("memberId");

-- CreateIndex
CREATE INDEX "RoleAssignment_organizationId_role_idx" ON "RoleAssignment"("organizationId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_organizationId_key" ON "RoleAssignment"("userId", "role", "organizationId");

-- CreateIndex
CREATE INDEX "ReviewCycle_year_idx" ON "ReviewCycle"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCycle_upperOrgId_year_key" ON "ReviewCycle"("upperOrgId", "year");

-- CreateIndex
CREATE INDEX "PeerGroup_decidingOrgId_cycleId_idx" ON "PeerGroup"("decidingOrgId", "cycleId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerGroup_cycleId_code_key" ON "PeerGroup"("cycleId", "code");

-- CreateIndex
CREATE INDEX "QuotaOverride_peerGroupId_idx" ON "QuotaOverride"("peerGroupId");

-- CreateIndex
CREATE INDEX "QuotaOverride_cycleId_idx" ON "QuotaOverride"("cycleId");

-- CreateIndex
CREATE INDEX "ReviewRecord_cycleId_scopeOrgId_state_idx" ON "ReviewRecord"("cycleId", "scopeOrgId", "state");

-- CreateIndex
CREATE INDEX "ReviewRecord_cycleId_peerGroupId_proposedLevel_idx" ON "ReviewRecord"("cycleId", "peerGroupId", "proposedLevel");

-- CreateIndex
CREATE INDEX "ReviewRecord_memberId_idx" ON "ReviewRecord"("memberId");

-- CreateIndex
CREATE INDEX "ReviewRecord_organizationId_idx" ON "ReviewRecord"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRecord_cycleId_memberId_key" ON "ReviewRecord"("cycleId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewRecord_cycleId_organizationId_key" ON "ReviewRecord"("cycleId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfReview_recordId_key" ON "SelfReview"("recordId");

-- CreateIndex
CREATE INDEX "Opinion_recordId_idx" ON "Opinion"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_cycleId_organizationId_key" ON "Meeting"("cycleId", "organizationId");

-- CreateIndex
CREATE INDEX "RatingDecision_recordId_decidedAt_idx" ON "RatingDecision"("recordId", "decidedAt");

-- CreateIndex
CREATE INDEX "RemediationItem_memberId_year_idx" ON "RemediationItem"("memberId", "year");

-- CreateIndex
CREATE INDEX "RemediationItem_status_deadline_idx" ON "RemediationItem"("status", "deadline");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_at_idx" ON "AuditLog"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_at_idx" ON "AuditLog"("organizationId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgClosure" ADD CONSTRAINT "OrgClosure_ancestorId_fkey" FOREIGN KEY ("ancestorId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgClosure" ADD CONSTRAINT "OrgClosure_descendantId_fkey" FOREIGN KEY ("descendantId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_grassrootsId_fkey" FOREIGN KEY ("grassrootsId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberCellAssignment" ADD CONSTRAINT "MemberCellAssignment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberCellAssignment" ADD CONSTRAINT "MemberCellAssignment_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CivilServiceRating" ADD CONSTRAINT "CivilServiceRating_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCycle" ADD CONSTRAINT "ReviewCycle_upperOrgId_fkey" FOREIGN KEY ("upperOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerGroup" ADD CONSTRAINT "PeerGroup_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerGroup" ADD CONSTRAINT "PeerGroup_decidingOrgId_fkey" FOREIGN KEY ("decidingOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaOverride" ADD CONSTRAINT "QuotaOverride_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaOverride" ADD CONSTRAINT "QuotaOverride_peerGroupId_fkey" FOREIGN KEY ("peerGroupId") REFERENCES "PeerGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecord" ADD CONSTRAINT "ReviewRecord_peerGroupId_fkey" FOREIGN KEY ("peerGroupId") REFERENCES "PeerGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfReview" ADD CONSTRAINT "SelfReview_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ReviewRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ReviewRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ReviewRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RemediationItem" ADD CONSTRAINT "RemediationItem_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: nobody, not even the application, may rewrite history.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
