package org.ltcreports.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build step: compiles every {@code .jrxml} in a folder to a {@code .jasper} beside the classes.
 */
public final class TemplateCompiler {
  private TemplateCompiler() {}

  public static void main(String[] args) throws IOException, JRException {
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    Files.createDirectories(target);
    List<Path> templates;
    try (Stream<Path> files = Files.list(source)) {
      templates = files.filter(p -> p.toString().endsWith(".jrxml")).sorted().toList();
    }
    for (Path jrxml : templates) {
      String name = jrxml.getFileName().toString().replace(".jrxml", ".jasper");
      JasperCompileManager.compileReportToFile(jrxml.toString(), target.resolve(name).toString());
    }
    System.out.println("Compiled " + templates.size() + " JasperReports templates into " + target);
  }
}
