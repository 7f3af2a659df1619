package org.ltcreports.cli;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.ltcreports.source.SchemaValidator;
import org.ltcreports.source.SchemaValidator.Finding;
import org.ltcreports.source.SourceTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: checks the source database against the contract; exit 2 on a schema problem. */
@Command(name = "validate", description = "Check the source database against the source schema.")
final class ValidateCommand implements Callable<Integer> {
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
    return problems == 0 ? 0 : SCHEMA_PROBLEM;
  }
}
