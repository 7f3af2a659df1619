package org.ltcreports.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.Format;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.config.LtcConfig;
import org.ltcreports.report.ArtifactFiles;
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.report.ReportService;
import org.ltcreports.source.JdbcDataSources;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.standalone.StandaloneServer;
import org.ltcreports.wiring.LtcModule;

/**
 * One bench scenario in a fresh JVM (started by {@link BenchCommand} with the scenario's {@code
 * -Xmx}). Arguments are {@code scenario key=value…}; results are printed as {@code RESULT
 * key=value} lines on stdout, everything else is diagnostic.
 *
 * <p>Heap is measured with the JVM's own beans: the sum of the heap pools' peak usage (which
 * includes garbage not yet collected, so it approaches {@code -Xmx} under any allocation load) and
 * the largest heap occupancy right after a garbage collection (the live set, the figure that shows
 * whether memory grows with the data).
 */
public final class BenchChild {
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

  private BenchChild() {}

  public static void main(String[] argv) throws Exception {
    long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
    watchGc();
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 1; i < argv.length; i++) {
      int eq = argv[i].indexOf('=');
      a.put(argv[i].substring(0, eq), argv[i].substring(eq + 1));
    }
    switch (argv[0]) {
      case "pack" -> pack(a, false);
      case "json" -> pack(a, true);
      case "http" -> http(a, jvmStartMs);
      default -> throw new IllegalArgumentException("unknown scenario " + argv[0]);
    }
    System.out.flush();
    System.exit(0);
  }

  // ---------------------------------------------------------------- pack / json (+ floor)

  private static void pack(Map<String, String> a, boolean jsonOnly) throws Exception {
    Path work = Path.of(a.get("work"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "1"));
    int reps = Integer.parseInt(a.getOrDefault("reps", "3"));
    YearMonth month = YearMonth.parse(a.get("month"));
    long t0 = System.nanoTime();
    Injector injector = injector(a, work);
    BatchGenerator generator = injector.getInstance(BatchGenerator.class);
    result("startup_ms", ms(t0));
    Set<ReportType> types =
        jsonOnly
            ? EnumSet.of(ReportType.PRACTICE_FEEDBACK, ReportType.LOCALITY_FEEDBACK)
            : EnumSet.of(
                ReportType.PRACTICE_FEEDBACK,
                ReportType.LOCALITY_FEEDBACK,
                ReportType.CASE_MANAGEMENT_RETURN,
                ReportType.LOCALITY_COLLATION);
    Set<Format> formats = jsonOnly ? EnumSet.of(Format.JSON) : formats(a.get("formats"));
    List<Long> times = new ArrayList<>();
    long outBytes = 0;
    List<Long> fileSizes = List.of();
    for (int i = 0; i < warmup + reps; i++) {
      Path out = work.resolve("out-" + i);
      resetPeaks();
      long s = System.nanoTime();
      BatchResult r =
          generator.run(
              new BatchRequest(month, List.of(), null, types, formats, Audience.PRACTICE, out),
              LocalDate.now(),
              line -> {});
      long took = ms(s);
      if (!r.complete()) {
        throw new IllegalStateException("pack failed: " + r.failures());
      }
      fileSizes = sizes(out);
      outBytes = fileSizes.stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "%s %d: %d ms, %d files, %d bytes, peak heap %d MB, max after GC %d MB%n",
          i < warmup ? "warm-up" : "rep",
          i,
          took,
          fileSizes.size(),
          outBytes,
          peakHeap() >> 20,
          MAX_AFTER_GC.get() >> 20);
      if (i < warmup) {
        result("cold_ms", took);
      } else {
        times.add(took);
      }
      BenchFixtures.deleteTree(out);
    }
    result("times_ms", join(times));
    result("median_ms", median(times));
    result("files", fileSizes.size());
    result("bytes", outBytes);
    result("peak_heap_mb", peakHeapMax >> 20);
    result("max_after_gc_mb", MAX_AFTER_GC.get() >> 20);
    if (!jsonOnly) {
      floor(a, work, fileSizes, warmup, reps);
    }
  }

  private static Set<Format> formats(String list) {
    Set<Format> set = EnumSet.noneOf(Format.class);
    for (String f : list.split(",")) {
      set.add(Format.byExtension(f.trim()).orElseThrow());
    }
    return set;
  }

  /**
   * The floor: one pass over the same source rows as bare grouped counts (registrations, spells and
   * episodes over the period the pack reads, contacts from the first day of the report month, as
   * {@code generate} reads them: {@code BatchScope}) plus writing the pack's bytes in the same
   * number of files.
   */
  private static void floor(
      Map<String, String> a, Path work, List<Long> fileSizes, int warmup, int reps)
      throws Exception {
    LocalDate from = LocalDate.parse(a.get("from"));
    LocalDate to = LocalDate.parse(a.get("to"));
    LocalDate monthStart = YearMonth.parse(a.get("month")).atDay(1);
    Map<String, LocalDate> sql = new LinkedHashMap<>(); // query -> start of its window
    sql.put(
        "SELECT practice_code, COUNT(*) FROM registration"
            + " WHERE registered_from <= ? AND (registered_to IS NULL OR registered_to >= ?)"
            + " GROUP BY practice_code",
        from);
    sql.put(
        "SELECT admission_method, COUNT(*) FROM hospital_spell"
            + " WHERE admission_date <= ? AND admission_date >= ? GROUP BY admission_method",
        from);
    sql.put(
        "SELECT case_manager_id, COUNT(*) FROM cm_episode"
            + " WHERE referral_date <= ? AND (end_date IS NULL OR end_date >= ?)"
            + " GROUP BY case_manager_id",
        from);
    sql.put(
        "SELECT contact_type, COUNT(*) FROM cm_contact"
            + " WHERE contact_date <= ? AND contact_date >= ? GROUP BY contact_type",
        monthStart);
    List<Long> read = new ArrayList<>();
    List<Long> write = new ArrayList<>();
    long rows = 0;
    for (int i = 0; i < warmup + reps; i++) {
      long s = System.nanoTime();
      rows = 0;
      try (Connection c = DriverManager.getConnection(a.get("db"))) {
        for (Map.Entry<String, LocalDate> q : sql.entrySet()) {
          try (PreparedStatement ps = c.prepareStatement(q.getKey())) {
            ps.setDate(1, Date.valueOf(to));
            ps.setDate(2, Date.valueOf(q.getValue()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows += rs.getLong(2);
              }
            }
          }
        }
      }
      long r = ms(s);
      Path out = work.resolve("floor-" + i);
      s = System.nanoTime();
      int n = 0;
      for (long size : fileSizes) {
        ArtifactFiles.writeAtomically(out.resolve("f" + n++ + ".bin"), new byte[(int) size]);
      }
      long w = ms(s);
      BenchFixtures.deleteTree(out);
      if (i >= warmup) {
        read.add(r);
        write.add(w);
      }
    }
    List<Long> total = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      total.add(read.get(i) + write.get(i));
    }
    result("floor_rows", rows);
    result("floor_read_ms", median(read));
    result("floor_write_ms", median(write));
    result("floor_ms", median(total));
  }

  // ---------------------------------------------------------------- http

  private static void http(Map<String, String> a, long jvmStartMs) throws Exception {
    Path work = Path.of(a.get("work"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
    int requests = Integer.parseInt(a.getOrDefault("requests", "100"));
    String month = a.get("month");
    long t0 = System.nanoTime();
    Injector injector = injector(a, work);
    LtcConfig cfg = injector.getInstance(LtcConfig.class);
    try (StandaloneServer server = StandaloneServer.start(injector, 0, cfg.basePath())) {
      result("startup_ms", ms(t0));
      result("jvm_to_ready_ms", System.currentTimeMillis() - jvmStartMs);
      ReportService reports = injector.getInstance(ReportService.class);
      long d = System.nanoTime();
      List<String> practices = reports.practices().stream().map(Practice::practiceCode).toList();
      result("data_ready_ms", ms(d));
      String root = "http://127.0.0.1:" + server.port() + cfg.basePath();
      String base = root + "/api/reports/feedback";
      HttpClient client = signIn(root, "locality", "locality-demo");
      if (get(client, base, practices.get(0), month).statusCode() != 200) {
        // The demo locality manager may not see practice reports: the practice lead sees one.
        client = signIn(root, "lead", "lead-demo");
        practices = List.of(a.getOrDefault("lead-practice", "K83001"));
      }
      List<Long> times = new ArrayList<>();
      long bytes = 0;
      for (int i = 0; i < warmup + requests; i++) {
        String practice = practices.get(i % practices.size());
        long s = System.nanoTime();
        HttpResponse<byte[]> resp = get(client, base, practice, month);
        long took = (System.nanoTime() - s) / 1_000;
        if (resp.statusCode() != 200) {
          throw new IllegalStateException(
              "HTTP " + resp.statusCode() + ": " + new String(resp.body()));
        }
        if (i == 0) {
          result("first_request_ms", took / 1000);
        }
        if (i >= warmup) {
          times.add(took);
          bytes = resp.body().length;
        }
      }
      Collections.sort(times);
      result("requests", times.size());
      result("pdf_bytes", bytes);
      result("p50_ms", String.format(Locale.ROOT, "%.1f", pct(times, 50) / 1000.0));
      result("p95_ms", String.format(Locale.ROOT, "%.1f", pct(times, 95) / 1000.0));
      result("max_ms", String.format(Locale.ROOT, "%.1f", times.get(times.size() - 1) / 1000.0));
      result("peak_heap_mb", peakHeap() >> 20);
      result("max_after_gc_mb", MAX_AFTER_GC.get() >> 20);
    }
  }

  /** A client signed in through the standalone server's FORM login (the shipped demo users). */
  private static HttpClient signIn(String root, String user, String password) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    client.send(
        HttpRequest.newBuilder(URI.create(root + "/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String form =
        "j_username="
            + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
            + "&j_password="
            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    client.send(
        HttpRequest.newBuilder(URI.create(root + "/j_security_check"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    return client;
  }

  private static HttpResponse<byte[]> get(
      HttpClient client, String base, String practice, String month) throws Exception {
    return client.send(
        HttpRequest.newBuilder(
                URI.create(base + "?practice=" + practice + "&month=" + month + "&format=pdf"))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  // ---------------------------------------------------------------- shared

  private static Injector injector(Map<String, String> a, Path work) throws IOException {
    Files.createDirectories(work);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("source.jdbc-url", a.get("db"));
    keys.put("plugin.jdbc-url", "jdbc:h2:file:" + work.resolve("plugin") + ";AUTO_SERVER=FALSE");
    keys.put("trim-points.file", a.get("trim"));
    keys.put("artifacts.dir", work.resolve("artifacts").toString());
    LtcConfig cfg = LtcConfig.defaults().with(keys);
    DataSource source =
        JdbcDataSources.forUrl(cfg.sourceJdbcUrl(), cfg.sourceUser(), cfg.sourcePassword());
    JdbcDataSources.checkReachable(source, cfg.sourceJdbcUrl());
    DataSource plugin =
        JdbcDataSources.forUrl(cfg.pluginJdbcUrl(), cfg.pluginUser(), cfg.pluginPassword());
    return Guice.createInjector(new LtcModule(cfg, source, plugin));
  }

  private static long peakHeapMax;

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the last reset (an upper bound of the heap in use). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    peakHeapMax = Math.max(peakHeapMax, sum);
    return sum;
  }

  private static void watchGc() {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heapPools.add(p.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, hb) -> {
                if (!n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                  if (heapPools.contains(e.getKey())) {
                    used += e.getValue().getUsed();
                  }
                }
                MAX_AFTER_GC.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
  }

  private static List<Long> sizes(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** The middle value; of an even count, the mean of the two middle values (not the upper one). */
  static long median(List<Long> xs) {
    List<Long> s = new ArrayList<>(xs);
    Collections.sort(s);
    if (s.isEmpty()) {
      return 0;
    }
    int mid = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(mid) : Math.round((s.get(mid - 1) + s.get(mid)) / 2.0);
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static String join(List<Long> xs) {
    return String.join(",", xs.stream().map(String::valueOf).toList());
  }

  private static void result(String key, Object value) {
    System.out.println("RESULT " + key + "=" + value);
    System.out.flush();
  }
}
