-- CreateTable
CREATE TABLE "RerateDecision" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "decisionNo" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "issuer" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recordIds" TEXT[],
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RerateDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RerateProposal" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decisionId" TEXT,

    CONSTRAINT "RerateProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RerateDecision_cycleId_decidedOn_idx" ON "RerateDecision"("cycleId", "decidedOn");

-- CreateIndex
CREATE INDEX "RerateProposal_recordId_idx" ON "RerateProposal"("recordId");

-- CreateIndex
CREATE INDEX "RerateProposal_decisionId_idx" ON "RerateProposal"("decisionId");

-- AddForeignKey
ALTER TABLE "RerateDecision" ADD CONSTRAINT "RerateDecision_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReviewCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RerateDecision" ADD CONSTRAINT "RerateDecision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RerateProposal" ADD CONSTRAINT "RerateProposal_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "ReviewRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RerateProposal" ADD CONSTRAINT "RerateProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RerateProposal" ADD CONSTRAINT "RerateProposal_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "RerateDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
