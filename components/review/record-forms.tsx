"use client";

import dynamic from "next/dynamic";

// The forms of a record's page that only a secretary or a committee is shown (re-review, re-rating,
// setting aside, returning, the opinions, the remediation plan), each loaded when the page renders it.
// They are still rendered on the server; what changes is that their code comes with them, so the
// member's own self-review (the page most opened, on phones) does not download forms it never shows.

export const RereviewForm = dynamic(() => import("./rereview-form").then((m) => m.RereviewForm));
export const RerateForm = dynamic(() => import("./rerate-card").then((m) => m.RerateForm));
export const NotRatedForm = dynamic(() => import("./not-rated-form").then((m) => m.NotRatedForm));
export const ReturnSelfReview = dynamic(() => import("./return-self-review").then((m) => m.ReturnSelfReview));
export const RemediationPanel = dynamic(() => import("./remediation-panel").then((m) => m.RemediationPanel));
export const OpinionActions = dynamic(() => import("./opinion-actions").then((m) => m.OpinionActions));
export const OpinionForm = dynamic(() => import("./opinion-form").then((m) => m.OpinionForm));
