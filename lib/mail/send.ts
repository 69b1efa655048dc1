import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { mailSettings } from "@/lib/env";

// Outgoing e-mail, when the server has an SMTP server to hand it to (SMTP_URL, MAIL_FROM; README
// Configuration). Without one, nothing is sent and the app works as before: reminders still show in it.

let cached: { url: string; transport: Transporter } | null = null;

export function mailConfigured(): boolean {
  return mailSettings().smtpUrl !== null;
}

function transport(url: string): Transporter {
  if (cached?.url !== url) {
    // Short timeouts: the officer waits for the answer, and an unreachable server must not hold the page.
    cached = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 }) };
  }
  return cached.transport;
}

export type Mail = { to: string; subject: string; text: string };

/** Hands one message to the SMTP server; throws when it is refused or the server cannot be reached. */
export async function sendMail(mail: Mail): Promise<void> {
  const { smtpUrl, from } = mailSettings();
  if (!smtpUrl) throw new Error("SMTP_URL is not set");
  await transport(smtpUrl).sendMail({ from, ...mail });
}
