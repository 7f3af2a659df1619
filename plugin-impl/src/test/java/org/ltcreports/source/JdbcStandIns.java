package org.ltcreports.source;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.h2.jdbcx.JdbcDataSource;
import org.ltcreports.fixtures.HandBuiltDatasets;

/**
 * Stand-ins for a driver's objects in tests: an H2 statement or result set made to say it is
 * PostgreSQL's, or to record what it is asked.
 */
final class JdbcStandIns {
  private JdbcStandIns() {}

  /**
   * A new in-memory H2 database holding the golden admissions dataset: the real driver the
   * stand-ins wrap.
   */
  static JdbcDataSource goldenAdmissions(String name) throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection()) {
      HandBuiltDatasets.load(c, HandBuiltDatasets.GOLDEN_ADMISSIONS);
    }
    return h2;
  }

  /** What a stand-in does when one of its methods is called. */
  interface Call {
    Object on(Method m, Object[] args) throws Exception;
  }

  /**
   * A stand-in of {@code type} that does {@code call}; the real object's exceptions pass through.
   */
  @SuppressWarnings("unchecked")
  static <T> T proxy(Class<T> type, Call call) {
    return (T)
        Proxy.newProxyInstance(
            JdbcStandIns.class.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> {
              try {
                return call.on(m, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** {@code real}, with what each of its methods returns passed through {@code wrap}. */
  static <T> T returning(Class<T> type, T real, UnaryOperator<Object> wrap) {
    return proxy(type, (m, args) -> wrap.apply(m.invoke(real, args)));
  }
}
