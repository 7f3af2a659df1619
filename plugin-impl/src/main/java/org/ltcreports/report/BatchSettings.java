package org.ltcreports.report;

import java.nio.file.Path;
import java.time.LocalDate;
import org.ltcreports.casemanagement.ProgrammeSettings;
import org.ltcreports.casemanagement.WorkingDays;
import org.ltcreports.measures.MeasureEngine;
import org.ltcreports.measures.MeasureSettings;
import org.ltcreports.measures.ReferenceEngine;
import org.ltcreports.measures.TrimPoints;

/**
 * The configured inputs of report assembly besides the data: rule settings, reference data, and the
 * versions and dates written into every output.
 *
 * @param extractDate the configured "as at" date, or null to derive it from the data
 * @param scopedReads whether a run reads only the rows its month needs, and a source with several
 *     localities one locality at a time ({@code generate.scoped-reads}, {@link
 *     org.ltcreports.source.BatchScope})
 * @param routedReads whether such a run reads every table once and routes its rows to the
 *     localities ({@code generate.routed-reads}, {@link org.ltcreports.source.RoutedRows})
 * @param routedFolder where the routed rows' temporary files are made ({@code
 *     generate.routed-folder})
 * @param engine where the counting families are counted ({@code measures.engine})
 */
public record BatchSettings(
    MeasureSettings measures,
    TrimPoints trimPoints,
    WorkingDays calendar,
    String disclosurePolicyVersion,
    LocalDate extractDate,
    boolean scopedReads,
    boolean routedReads,
    Path routedFolder,
    ProgrammeSettings programme,
    MeasureEngine engine) {

  /** With the default programme settings, counted by the reference engine. */
  public BatchSettings(
      MeasureSettings measures,
      TrimPoints trimPoints,
      WorkingDays calendar,
      String disclosurePolicyVersion,
      LocalDate extractDate,
      boolean scopedReads) {
    this(
        measures,
        trimPoints,
        calendar,
        disclosurePolicyVersion,
        extractDate,
        scopedReads,
        true,
        Path.of(System.getProperty("java.io.tmpdir")),
        ProgrammeSettings.defaults(),
        ReferenceEngine.INSTANCE);
  }
}
