package org.ltcreports.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.fixtures.FixtureDatabase;
import org.ltcreports.fixtures.GeneratorOptions;
import org.ltcreports.standalone.StandaloneSecurity;
import org.ltcreports.standalone.StandaloneServer;
import org.ltcreports.wiring.LtcModule;

/**
 * Issue 10, load: 20 concurrent simulated users, each signed in as the evaluation practice lead
 * ({@code lead}/{@code lead-demo}, practice K83001), loop over a realistic mix of requests (home
 * page, feedback HTML preview, feedback PDF download, return preview, {@code /api/health}) against
 * the standalone server on 127.0.0.1 with a small generated dataset (2 practices, 3,000 patients, 2
 * years). Zero errors, bounded heap, and the request count and p50/p95 latency printed on one line
 * starting {@code LOAD:}.
 *
 * <p>The duration is {@code -Dltc.load.seconds=N} (default 30, for CI); {@code
 * -Dltc.load.seconds=120} gives the 2 minutes.
 */
class LoadTest {
  static final int USERS = 20;
  static final String PRACTICE = "K83001";
  static final long HEAP_LIMIT = 512L * 1024 * 1024;

  @TempDir Path dir;

  record Sample(String name, long nanos) {}

  @Test
  void twentyUsersGetNoErrorsWithBoundedHeap() throws Exception {
    int seconds = Integer.getInteger("ltc.load.seconds", 30);
    YearMonth last = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
    GeneratorOptions options = new GeneratorOptions(2, 3_000, 2, 42L, last, 1);
    String sourceUrl = FixtureDatabase.createH2Memory("load-" + UUID.randomUUID(), options);
    Path trimPoints = FixtureDatabase.writeTrimPoints(dir, options);
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(sourceUrl);
    source.setUser(FixtureDatabase.USER);
    source.setPassword(FixtureDatabase.PASSWORD);
    JdbcDataSource plugin = new JdbcDataSource();
    plugin.setURL("jdbc:h2:mem:load-plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    LtcConfig cfg =
        LtcConfig.defaults()
            .with(
                Map.of(
                    "source.jdbc-url", sourceUrl,
                    "trim-points.file", trimPoints.toString(),
                    "artifacts.dir", dir.resolve("artifacts").toString()));
    Injector injector = Guice.createInjector(new LtcModule(cfg, source, plugin));
    String month = last.toString();
    List<String> mix =
        List.of(
            "/",
            "/api/reports/feedback?practice=" + PRACTICE + "&month=" + month + "&format=html",
            "/api/reports/feedback?practice=" + PRACTICE + "&month=" + month + "&format=pdf",
            "/practices/" + PRACTICE + "/returns/" + month,
            "/api/health");

    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> errorsByKind = new ConcurrentHashMap<>();
    List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    AtomicLong bytes = new AtomicLong();
    try (StandaloneServer server =
        StandaloneServer.start(injector, 0, "", StandaloneSecurity.demo())) {
      String root = "http://127.0.0.1:" + server.port();
      ExecutorService pool = Executors.newFixedThreadPool(USERS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<?>> users = new ArrayList<>();
      for (int u = 0; u < USERS; u++) {
        int user = u;
        users.add(
            pool.submit(
                () -> {
                  HttpClient client = signIn(root);
                  int i = user; // users start at different points of the mix
                  while (System.nanoTime() < end) {
                    String path = mix.get(i++ % mix.size());
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          client.send(
                              HttpRequest.newBuilder(URI.create(root + path))
                                  .timeout(Duration.ofSeconds(60))
                                  .GET()
                                  .build(),
                              HttpResponse.BodyHandlers.ofByteArray());
                      samples.add(new Sample(path, System.nanoTime() - t0));
                      bytes.addAndGet(r.body().length);
                      boolean loginPage =
                          r.uri().getPath().startsWith("/login")
                              || r.uri().getPath().contains("j_security_check");
                      if (r.statusCode() >= 400 || loginPage) {
                        errorsByKind
                            .computeIfAbsent("HTTP " + r.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                        note(firstErrors, path + " → " + r.statusCode() + " " + r.uri());
                      }
                    } catch (Exception e) {
                      samples.add(new Sample(path, System.nanoTime() - t0));
                      errorsByKind
                          .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                          .incrementAndGet();
                      note(firstErrors, path + " → " + e);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : users) {
        f.get(seconds + 300L, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    System.gc();
    Thread.sleep(200);
    System.gc();
    long usedAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long[] nanos = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
    int errors = errorsByKind.values().stream().mapToInt(AtomicInteger::get).sum();
    double p50 = percentileMillis(nanos, 50);
    double p95 = percentileMillis(nanos, 95);
    System.out.println("per request kind (p95 ms):");
    for (String path : mix) {
      long[] k =
          samples.stream()
              .filter(s -> s.name().equals(path))
              .mapToLong(Sample::nanos)
              .sorted()
              .toArray();
      System.out.printf("  %-70s n=%d p95=%.0f%n", path, k.length, percentileMillis(k, 95));
    }
    System.out.printf(
        "LOAD: %d users x %d s on 127.0.0.1, 2 practices/3,000 patients/2 years:"
            + " %d requests (%.1f/s), %d errors, p50 %.0f ms, p95 %.0f ms,"
            + " heap peak %d MB, heap after GC %d MB, %d MB served%n",
        USERS,
        seconds,
        nanos.length,
        nanos.length / (double) seconds,
        errors,
        p50,
        p95,
        peak / (1024 * 1024),
        usedAfterGc / (1024 * 1024),
        bytes.get() / (1024 * 1024));
    assertThat(errorsByKind).as("errors, first ones: %s", firstErrors).isEmpty();
    assertThat(nanos.length).as("requests").isGreaterThan(USERS);
    assertThat(usedAfterGc).as("heap used after GC").isLessThan(HEAP_LIMIT);
  }

  private static void note(List<String> firstErrors, String what) {
    synchronized (firstErrors) {
      if (firstErrors.size() < 10) {
        firstErrors.add(what);
      }
    }
  }

  private static double percentileMillis(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
  }

  /** A client of its own (own cookies, own session) signed in as the evaluation practice lead. */
  static HttpClient signIn(String root) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> r = org.ltcreports.web.LoginForm.signIn(client, root, "lead", "lead-demo");
    if (r.statusCode() >= 400) {
      throw new IllegalStateException("sign-in failed: " + r.statusCode());
    }
    return client;
  }
}
