package org.ltcreports.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.ltcreports.api.report.DataQualityKind;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.measures.MeasureContext;
import org.ltcreports.measures.TrimPoints;
import org.ltcreports.quality.DataQualityScan;
import org.ltcreports.source.SchemaValidator;
import org.ltcreports.source.SchemaValidator.Finding;
import org.ltcreports.source.SourceReader;
import org.ltcreports.source.SourceTables;
import org.ltcreports.words.PeopleTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: checks the source database against the contract (every problem at once; exit 2
 * on a schema problem), then counts the data-quality issues of the data by kind.
 */
@Command(name = "validate", description = "Check the source database against the source schema.")
final class ValidateCommand implements Callable<Integer> {
  private static LtcConfig cfg(Injector injector) {
    return injector.getInstance(LtcConfig.class);
  }

  static final int SCHEMA_PROBLEM = 2;

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Injector injector = Session.start(db, Map.of(), out);
    DataSource source = injector.getInstance(Key.get(DataSource.class, Names.named("source")));
    SchemaValidator validator = new SchemaValidator(injector.getInstance(SourceTables.class));
    List<Finding> findings = validator.validate(source);
    findings.forEach(out::println);
    long problems = findings.stream().filter(Finding::problem).count();
    out.println(problems == 0 ? "Source schema OK." : problems + " schema problem(s).");
    if (problems > 0) {
      return SCHEMA_PROBLEM;
    }
    // The schema is right: now the data. Bad rows are counted, never fatal.
    MeasureContext ctx =
        new MeasureContext(
            injector
                .getInstance(SourceReader.class)
                .read(cfg(injector).extractDate(), LocalDate.now()),
            cfg(injector).measureSettings());
    Map<String, Long> totals =
        DataQualityScan.scan(ctx, injector.getInstance(TrimPoints.class)).totalsByKind();
    long bad = totals.values().stream().mapToLong(Long::longValue).sum();
    out.println(
        String.format(
            Locale.UK,
            "Data as at %s: %,d practices, %,d patients, %,d spells.",
            PeopleTime.date(ctx.extractDate()),
            ctx.practices().size(),
            ctx.registrations().patientIds().size(),
            ctx.data().spells().size()));
    // in the reports' words (the kind's description), the key beside it for whoever fixes the data
    for (DataQualityKind kind : DataQualityKind.values()) {
      long n = totals.getOrDefault(kind.key(), 0L);
      if (n > 0) {
        out.println(
            String.format(Locale.UK, "DATA  %,7d  %s (%s)", n, kind.description(), kind.key()));
      }
    }
    out.println(
        bad == 0
            ? "No data-quality issues."
            : bad
                + " data-quality issue(s): they are counted and shown in every report's data-quality section.");
    return 0;
  }
}
