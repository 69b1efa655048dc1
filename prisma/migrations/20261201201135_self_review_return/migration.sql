-- AlterTable
ALTER TABLE "SelfReview" ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3);
