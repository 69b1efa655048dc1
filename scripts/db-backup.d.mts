// Types for the parts of scripts/db-backup.mjs that tests call.
export type BackupHeader = { format: string; takenAt: string; migrations: string[]; tables: string[]; digest: string; keyId: string };
export function backupKeyId(key: string): string;
export function backup(url: string, file: string, options: { key: string }): Promise<Record<string, number>>;
export function verifyBackup(file: string, options: { key: string }): Promise<BackupHeader>;
export function restore(url: string, file: string, options: { key: string }): Promise<{ tables: Record<string, number>; sessionsEnded: number }>;
