// The cells the leads read beyond the cross-report rules' — apart from leads.ts because each report's corpus card
// keeps exactly these (src/ingest/card.ts): changing them changes the cards, so this file is part of the ingest
// engine's digest, and the wording of the leads is not.

/** Refused and all decisions, in the forms and in the pre-2019 statistics. */
export const SHARE_KEYS = {
  form: ['requests.result.denied.subtotal.total', 'requests.result.total.total'],
  legacy: ['legacy.requests.denied', 'legacy.requests.answered'],
} as const;

export const APPEAL_GROUPS = [['review', '行政复议', 'review'], ['suit_direct', '直接起诉', 'direct lawsuits'], ['suit_after_review', '复议后起诉', 'lawsuits after review']] as const;

export const LEAD_KEYS = [...SHARE_KEYS.form, ...SHARE_KEYS.legacy, ...APPEAL_GROUPS.map(([g]) => `appeals.${g}.corrected`)];
