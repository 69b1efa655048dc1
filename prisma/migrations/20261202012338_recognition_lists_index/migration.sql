-- CreateIndex
CREATE INDEX "ReviewRecord_cycleId_decidedLevel_scopeOrgId_memberId_idx" ON "ReviewRecord"("cycleId", "decidedLevel", "scopeOrgId", "memberId");
