// Types for the parts of scripts/migrate.mjs that tests call.
export function deploy(url?: string): Promise<string[]>;
export function drift(url?: string): Promise<string>;
