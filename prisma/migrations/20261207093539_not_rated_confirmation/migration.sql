-- AlterTable
ALTER TABLE "ReviewRecord" ADD COLUMN     "notRatedConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "notRatedConfirmedById" TEXT;
