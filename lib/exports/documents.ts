import "server-only";
import type { Actor } from "@/lib/review/permissions";
import { NotFoundError } from "@/lib/review/permissions";
import {
  getCollectiveReviewDocument,
  getMemberLevelsDocument,
  getMinutesDocument,
  getOrganizationLevelsDocument,
  getSelfReviewDocument,
  getUnitHeading,
} from "@/lib/data/documents";
import { getStatistics } from "@/lib/data/statistics";
import { getTaskAppendix } from "@/lib/data/task-appendix";
import { getYearTaskList } from "@/lib/data/task-yearend";
import { taskAppendixDocument } from "@/lib/documents/task-appendix";
import {
  collectiveReviewDocument,
  memberLevelsDocument,
  minutesDocument,
  organizationLevelsDocument,
  selfReviewDocument,
  statisticsDocument,
} from "@/lib/documents/builders";
import type { OfficialDocument } from "@/lib/documents/model";
import { renderDocx } from "@/lib/documents/render-docx";
import { renderPdf } from "@/lib/documents/render-pdf";
import { toIsoDate } from "@/lib/i18n/format";
import { vietnamDay } from "@/lib/review/calendar";
import { scoredItems } from "@/lib/review/facts";
import { fileResponse } from "@/lib/office/workbook";

// The official documents as files: the use case reads (under its own checks), a pure builder lays out
// the document, and one of two renderers writes it as .docx or PDF.

export const DOCUMENT_KINDS = ["self-review", "minutes", "collective-review", "member-levels", "organization-levels", "statistics", "task-appendix"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentFormat = "pdf" | "docx";

export async function buildDocument(
  actor: Actor,
  kind: DocumentKind,
  params: { unit?: string; year?: number; record?: string; member?: string },
): Promise<{ doc: OfficialDocument; name: string }> {
  const today = toIsoDate(vietnamDay(new Date()));
  switch (kind) {
    case "self-review": {
      if (!params.record) throw new NotFoundError();
      const { page, heading } = await getSelfReviewDocument(actor, params.record);
      return {
        doc: selfReviewDocument({ ...page, heading, member: page.member }, scoredItems(page.content.scores)),
        name: `ban-kiem-diem-${page.member.cardNumber}-${page.cycle.year}`,
      };
    }
    case "minutes": {
      if (!params.unit) throw new NotFoundError();
      const loaded = await getMinutesDocument(actor, params.unit);
      if (!loaded) throw new NotFoundError();
      const { page, heading } = loaded;
      return {
        doc: minutesDocument({
          heading,
          cell: page.cell,
          cycle: page.cycle,
          minutes: page.minutes,
          members: page.members,
          finalized: page.meeting?.status === "FINALIZED",
          rules: page.rules,
        }),
        name: `bien-ban-${page.cell.name}-${page.cycle.year}`,
      };
    }
    case "collective-review": {
      if (!params.unit) throw new NotFoundError();
      const loaded = await getCollectiveReviewDocument(actor, params.unit);
      if (!loaded) throw new NotFoundError();
      const { unit, organization, year, heading } = loaded;
      // Under a cycle that counts the tasks from the register, Mẫu 01 lists the year's tasks.
      const tasks = await getYearTaskList(actor, { organizationId: params.unit }, { id: unit.cycleId, year });
      return {
        doc: collectiveReviewDocument({
          heading,
          organization,
          year,
          sheet: unit.sheet,
          scoreItems: unit.scoreItems,
          report: unit.report,
          selfLevel: unit.selfLevel,
          tasks: tasks?.tasks ?? null,
        }),
        name: `bao-cao-kiem-diem-tap-the-${organization.code}-${year}`,
      };
    }
    case "member-levels": {
      const data = await getMemberLevelsDocument(actor, params);
      if (!data.year) throw new NotFoundError();
      return {
        doc: memberLevelsDocument({ heading: data.heading, year: data.year, ruleSet: data.ruleSet, rows: data.rows, today }),
        name: `xep-loai-dang-vien-${data.unit.code}-${data.year}`,
      };
    }
    case "organization-levels": {
      const data = await getOrganizationLevelsDocument(actor, params);
      if (!data.year) throw new NotFoundError();
      return {
        doc: organizationLevelsDocument({ heading: data.heading, year: data.year, ruleSet: data.ruleSet, rows: data.rows, today }),
        name: `quyet-dinh-xep-loai-to-chuc-${data.unit.code}-${data.year}`,
      };
    }
    case "statistics": {
      const s = await getStatistics(actor, params);
      if (!s.year) throw new NotFoundError();
      return {
        doc: statisticsDocument({ ...s, year: s.year, heading: await getUnitHeading(s.unit.id), today }),
        name: `bao-cao-ket-qua-${s.unit.code}-${s.year}`,
      };
    }
    case "task-appendix": {
      // A member's (?member=) or an organization's (?unit=) appendix of a year, under the register's read check.
      if (!params.year || (!params.member && !params.unit)) throw new NotFoundError();
      const data = await getTaskAppendix(actor, params.member ? { memberId: params.member } : { organizationId: params.unit }, params.year);
      return { doc: taskAppendixDocument(data), name: `phu-luc-nhiem-vu-${data.year}` };
    }
  }
}

export async function documentResponse(
  actor: Actor,
  kind: DocumentKind,
  format: DocumentFormat,
  params: { unit?: string; year?: number; record?: string; member?: string },
): Promise<Response> {
  const { doc, name } = await buildDocument(actor, kind, params);
  if (format === "docx") return fileResponse(await renderDocx(doc), `${name}.docx`, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  return fileResponse(await renderPdf(doc), `${name}.pdf`, "application/pdf");
}
