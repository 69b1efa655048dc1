// Types for the parts of scripts/db-backup.mjs that tests call.
export function backup(url: string, file: string): Promise<Record<string, number>>;
export function restore(url: string, file: string): Promise<Record<string, number>>;
