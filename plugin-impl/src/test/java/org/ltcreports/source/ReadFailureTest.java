package org.ltcreports.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * What a read that fails part-way reports, and the state it leaves the connection in. Found on
 * PostgreSQL: a whole 2M-patient source read at {@code -Xmx1g} ran out of memory in the middle of
 * the read, and the run reported "could not open the source database read-only: Cannot change
 * transaction read-only property in the middle of a transaction" — the reader, giving the
 * connection back writable, failed inside the transaction the error had left open, and that failure
 * replaced the one that mattered.
 */
class ReadFailureTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  @Test
  void anErrorInTheMiddleOfTheReadIsTheOneReportedAndTheTransactionIsEnded() throws Exception {
    JdbcDataSource h2 = JdbcStandIns.goldenAdmissions("read-failure");
    List<String> calls = new ArrayList<>();
    Jdbi jdbi =
        Jdbi.create(
            () -> {
              Connection real = h2.getConnection();
              return (Connection)
                  Proxy.newProxyInstance(
                      getClass().getClassLoader(),
                      new Class<?>[] {Connection.class},
                      (proxy, method, args) -> {
                        String n = method.getName();
                        if (n.equals("prepareStatement")
                            && String.valueOf(args[0]).contains("FROM hospital_spell")) {
                          throw new OutOfMemoryError("Java heap space");
                        }
                        // as PostgreSQL's driver does, which H2's does not
                        if (n.equals("setReadOnly") && !real.getAutoCommit()) {
                          throw new SQLException(
                              "Cannot change transaction read-only property in the middle of a"
                                  + " transaction.");
                        }
                        if (n.equals("rollback") || n.equals("setAutoCommit")) {
                          calls.add(n + (args == null ? "" : " " + args[0]));
                        }
                        try {
                          return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                          throw e.getCause();
                        }
                      });
            });
    SourceReader reader = new SourceReader(jdbi, SourceTables.defaults());

    assertThatThrownBy(() -> reader.read(null, TODAY))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessage("Java heap space");
    // the read's transaction was rolled back and the connection given back as it came
    assertThat(calls).containsSubsequence("setAutoCommit false", "rollback", "setAutoCommit true");
  }
}
