package org.ltcreports.api.report;

/**
 * One offending source row. Listed with its ids for the practice audience only; other audiences see
 * the counts per kind.
 *
 * @param kind one of {@link DataQualityKind}
 * @param table the source table holding the row
 * @param rowId the row's id (spell_id, episode_id, contact_id, patient_id)
 * @param detail a short explanation, e.g. "discharge 2026-01-02 before admission 2026-01-05"
 */
public record DataQualityIssue(DataQualityKind kind, String table, String rowId, String detail) {}
