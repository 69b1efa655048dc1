import app from "@/lib/i18n/messages/vi/app.json";
import grading from "@/lib/i18n/messages/vi/grading.json";
import reports from "@/lib/i18n/messages/vi/reports.json";

// Exports and official documents are written in Vietnamese, whatever the reader's interface language:
// they are the Party's documents and the files its offices pass on.

export const vi = { app, grading, reports };

export const levelName = (level: string | null | undefined) => (level ? ((vi.grading.levels as Record<string, string>)[level] ?? level) : "");
export const levelShort = (level: string | null | undefined) => (level ? ((vi.grading.levelsShort as Record<string, string>)[level] ?? level) : "");
export const stateName = (state: string | null | undefined) => (state ? ((vi.app.recordStates as Record<string, string>)[state] ?? state) : "");
export const sectorName = (sector: string) => (vi.app.sectors as Record<string, string>)[sector] ?? sector;
export const kindName = (kind: string) => (vi.app.orgKinds as Record<string, string>)[kind] ?? kind;
export const memberStatusName = (status: string) => (vi.app.memberStatus as Record<string, string>)[status] ?? status;
export const genderName = (gender: string) => (vi.app.gender as Record<string, string>)[gender] ?? gender;
export const disciplineName = (form: string) => (vi.app.disciplineForms as Record<string, string>)[form] ?? form;
