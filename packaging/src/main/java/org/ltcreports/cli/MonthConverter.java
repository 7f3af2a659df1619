package org.ltcreports.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --month YYYY-MM}, with the one-line error outputs.md gives as its example. */
final class MonthConverter implements ITypeConverter<YearMonth> {
  @Override
  public YearMonth convert(String value) {
    try {
      if (!value.matches("\\d{4}-\\d{2}")) {
        throw new DateTimeParseException("", value, 0);
      }
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("month must be YYYY-MM, got '" + value + "'");
    }
  }
}
