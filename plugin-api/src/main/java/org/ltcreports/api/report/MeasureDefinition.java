package org.ltcreports.api.report;

/**
 * A measure's identity and meaning: its stable id (the JSON/CSV key of measures.md), the words a
 * reader sees, what its number is, and which count it rests on.
 *
 * @param section the report section it belongs to
 * @param numeratorId for rates, percentages, ratios and days: the count whose smallness makes it
 *     disclosive (null when the measure is itself a count)
 * @param denominatorId for rates and percentages: the denominator count (null when none)
 * @param patientLevel whether it holds rows about individual patients (practice audience only)
 */
public record MeasureDefinition(
    String id,
    String label,
    ValueKind kind,
    String section,
    String numeratorId,
    String denominatorId,
    boolean patientLevel) {}
