-- AlterTable
ALTER TABLE "ReviewRecord" ADD COLUMN     "collectiveReport" JSONB;
