-- AlterTable
ALTER TABLE "ReviewRecord" ADD COLUMN     "verificationNote" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3);
