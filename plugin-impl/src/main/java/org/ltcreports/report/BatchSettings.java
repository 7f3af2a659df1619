package org.ltcreports.report;

import java.time.LocalDate;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.TrimPoints;

/**
 * The configured inputs of report assembly besides the data: rule settings, reference data, and the
 * versions and dates written into every output.
 *
 * @param extractDate the configured "as at" date, or null to derive it from the data
 * @param readByLocality whether a source with several localities is read and built one locality at
 *     a time ({@code generate.read-by-locality})
 */
public record BatchSettings(
    MeasureSettings measures,
    TrimPoints trimPoints,
    WorkingDays calendar,
    String disclosurePolicyVersion,
    LocalDate extractDate,
    boolean readByLocality) {}
