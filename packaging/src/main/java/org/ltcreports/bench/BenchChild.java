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
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
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
import java.util.Optional;
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
import org.ltcreports.report.BatchGenerator;
import org.ltcreports.report.BatchRequest;
import org.ltcreports.report.BatchResult;
import org.ltcreports.report.ReportService;
import org.ltcreports.report.RunPhases;
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

  static {
    // the same JVM as `generate` and `serve`, for the pack and its floor alike
    org.ltcreports.cli.EmbeddedH2Settings.apply();
  }

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
    DataSource source = source(a);
    environment(source);
    StatementLog log = new StatementLog(source);
    Injector injector = injector(a, work, log);
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
    List<Long> runs = new ArrayList<>(); // every run's time, warm-ups first
    List<Long> cpuTimes = new ArrayList<>();
    List<Long> afterRowsTimes = new ArrayList<>();
    Map<String, List<Long>> vmTimes = new LinkedHashMap<>();
    VmThreadCpu vm = VmThreadCpu.ofThisJvm();
    Map<String, List<Long>> phaseTimes = new LinkedHashMap<>();
    long outBytes = 0;
    List<Long> fileSizes = List.of();
    Path last = null;
    List<StatementLog.Query> queries = List.of();
    boolean profiled = Boolean.parseBoolean(a.getOrDefault("profile", "false"));
    CpuProfile profile = null;
    for (int i = 0; i < warmup + reps; i++) {
      if (profiled && i == warmup) {
        profile = CpuProfile.start(work.resolve("timed-runs.jfr")); // the timed runs only
      }
      Path out = work.resolve("out-" + i);
      resetPeaks();
      log.drain();
      RunPhases phases = RunPhases.kept();
      String load = BenchCommand.load();
      long cpu = processCpuMs();
      Optional<VmThreadCpu.Sample> vmBefore = vm.now();
      long s = System.nanoTime();
      RowsLetGo rendering = new RowsLetGo();
      BatchResult r =
          generator.run(
              new BatchRequest(month, List.of(), null, types, formats, Audience.PRACTICE, out),
              LocalDate.now(),
              rendering,
              phases);
      long took = ms(s);
      long afterRows = rendering.total() / 1_000_000;
      cpu = processCpuMs() - cpu;
      Optional<VmThreadCpu.Split> vmSpent = vm.now().flatMap(v -> vmBefore.map(v::since));
      queries = log.drain();
      if (!r.complete()) {
        throw new IllegalStateException("pack failed: " + r.failures());
      }
      fileSizes = sizes(out);
      outBytes = fileSizes.stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "%s %d: %d ms (CPU %d ms%s; rendering and writing after the rows %d ms), %d files, %d"
              + " bytes, peak heap %d MB, max after GC %d MB, %d queries; phases (thread ms) %s"
              + " [load %s]%n",
          i < warmup ? "warm-up" : "rep",
          i,
          took,
          cpu,
          vmSpent
              .map(v -> ": compiling " + v.compilingMs() + ", collecting " + v.collectingMs())
              .orElse(""),
          afterRows,
          fileSizes.size(),
          outBytes,
          peakHeap() >> 20,
          MAX_AFTER_GC.get() >> 20,
          queries.size(),
          phases.millis(),
          load);
      runs.add(took);
      if (i >= warmup) {
        times.add(took);
        cpuTimes.add(cpu);
        afterRowsTimes.add(afterRows);
        long runCpu = cpu;
        vmSpent.ifPresent(
            v -> {
              vmTimes.computeIfAbsent("compiling", x -> new ArrayList<>()).add(v.compilingMs());
              vmTimes.computeIfAbsent("collecting", x -> new ArrayList<>()).add(v.collectingMs());
              vmTimes
                  .computeIfAbsent("own", x -> new ArrayList<>())
                  .add(runCpu - v.compilingMs() - v.collectingMs());
            });
        phases
            .millis()
            .forEach((k, v) -> phaseTimes.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
      if (last != null) {
        BenchFixtures.deleteTree(last);
      }
      last = out; // kept for the floor, but not in the heap while the pack runs
    }
    if (profile != null) {
      CpuProfile.Summary summary = profile.stop();
      result("profile", summary.line());
      result("profile_file", summary.file());
    }
    if (!runs.isEmpty() && warmup > 0) {
      result("cold_ms", cold(runs));
    }
    result("times_ms", join(times));
    result("median_ms", median(times));
    result("cpu_ms", median(cpuTimes));
    result("after_rows_ms", median(afterRowsTimes));
    vmTimes.forEach((k, v) -> result("cpu_" + k + "_ms", median(v)));
    result("files", fileSizes.size());
    result("bytes", outBytes);
    result("peak_heap_mb", peakHeapMax >> 20);
    result("max_after_gc_mb", MAX_AFTER_GC.get() >> 20);
    result("queries", queries.size());
    List<String> phaseMedians = new ArrayList<>();
    phaseTimes.forEach((k, v) -> phaseMedians.add(k + " " + median(v)));
    result("phases_ms", String.join(", ", phaseMedians));
    if ("1".equals(a.get("live"))) {
      Path out = work.resolve("out-live");
      BatchRequest req =
          new BatchRequest(month, List.of(), null, types, formats, Audience.PRACTICE, out);
      result("live_heap_mb", liveHeap(generator, req) >> 20);
      BenchFixtures.deleteTree(out);
    }
    if (!jsonOnly) {
      floor(
          new Floor(source(a), readConnections(source, injector), queries, contents(last)),
          work,
          warmup,
          reps);
    }
    if (last != null) {
      BenchFixtures.deleteTree(last);
    }
  }

  /**
   * The wall time a run spends rendering and writing after a snapshot's rows are let go: from each
   * "measures:" progress line (every report of the snapshot prepared) to the start of the next read
   * ("reading …") or the end of the run. What is left of a run when the engine's part (reading,
   * counting, matching) is taken away.
   */
  static final class RowsLetGo implements java.util.function.Consumer<String> {
    private final java.util.function.LongSupplier clock;
    private long since = -1;
    private long total;

    RowsLetGo() {
      this(System::nanoTime);
    }

    RowsLetGo(java.util.function.LongSupplier clock) {
      this.clock = clock;
    }

    @Override
    public void accept(String line) {
      if (line.startsWith("measures:")) {
        since = clock.getAsLong();
      } else if (line.startsWith("reading ")) {
        stop();
      }
    }

    private void stop() {
      if (since >= 0) {
        total += clock.getAsLong() - since;
        since = -1;
      }
    }

    long total() {
      stop();
      return total;
    }
  }

  /**
   * The live heap of a run, whatever the {@code -Xmx}: one more run, untimed, that forces a full
   * collection just after each source read (the rows held), when every report of the snapshot is
   * prepared (the rows, the measures and the built reports held: the most a run holds), at the
   * first line after a read and at every tenth, and keeps the largest heap in use right after those
   * collections. "max after GC" of the timed runs also counts garbage the collector had not reached
   * yet (after a young collection the old generation is as it was), so near the heap cap it is the
   * cap.
   */
  private static long liveHeap(BatchGenerator generator, BatchRequest req) {
    AtomicLong live = new AtomicLong();
    int[] sinceRead = {0};
    BatchResult r =
        generator.run(
            req,
            LocalDate.now(),
            line -> {
              sinceRead[0] = line.startsWith("source:") ? 0 : sinceRead[0] + 1;
              // the largest is when every report is prepared and the rows are still held (the
              // "measures:" line); the tenth reports and the first after a read are sampled too
              if (line.startsWith("measures:") || sinceRead[0] % 10 == 0 || sinceRead[0] == 1) {
                live.accumulateAndGet(heapAfterFullGc(), Math::max);
              }
            },
            RunPhases.ignored());
    if (!r.complete()) {
      throw new IllegalStateException("live-heap run failed: " + r.failures());
    }
    System.out.printf(
        "live heap (full GC after each read and at every tenth report): %d MB [load %s]%n",
        live.get() >> 20, BenchCommand.load());
    return live.get();
  }

  private static long heapAfterFullGc() {
    System.gc(); // G1: a full, stop-the-world collection (unless ExplicitGCInvokesConcurrent)
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** How many connections the pack's reads used side by side: the reader's lanes. */
  private static int readConnections(DataSource source, Injector injector) throws SQLException {
    try (Connection c = source.getConnection()) {
      return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())
          ? injector.getInstance(LtcConfig.class).readConnections()
          : 1;
    }
  }

  /** The source database and the JVM, as the bench's header prints them. */
  private static void environment(DataSource source) throws Exception {
    try (Connection c = source.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      result("database", md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
    }
    result(
        "jvm",
        System.getProperty("java.vm.name")
            + " "
            + Runtime.version()
            + ", max heap "
            + (Runtime.getRuntime().maxMemory() >> 20)
            + " MB ("
            + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
            + "), "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
  }

  private static Set<Format> formats(String list) {
    Set<Format> set = EnumSet.noneOf(Format.class);
    for (String f : list.split(",")) {
      set.add(Format.byExtension(f.trim()).orElseThrow());
    }
    return set;
  }

  /**
   * The cold run: the first in a new JVM, whatever the number of warm-ups (with {@code --warmup 5}
   * the bench had printed the last warm-up as cold: session 23).
   */
  static long cold(List<Long> runs) {
    return runs.get(0);
  }

  /** The floor ({@link Floor}) in the same JVM, after the pack, as many times as the pack. */
  private static void floor(Floor floor, Path work, int warmup, int reps) throws Exception {
    List<Long> read = new ArrayList<>();
    List<Long> write = new ArrayList<>();
    List<Long> total = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    Floor.Pass pass = null;
    for (int i = 0; i < warmup + reps; i++) {
      Path out = work.resolve("floor-" + i);
      long c = processCpuMs();
      pass = floor.run(out);
      c = processCpuMs() - c;
      BenchFixtures.deleteTree(out);
      System.out.printf(
          "floor %d: read %d ms (%d rows, %d values) + write %d ms (CPU %d ms) [load %s]%n",
          i, pass.readMs(), pass.rows(), pass.values(), pass.writeMs(), c, BenchCommand.load());
      if (i >= warmup) {
        read.add(pass.readMs());
        write.add(pass.writeMs());
        total.add(pass.readMs() + pass.writeMs());
        cpu.add(c);
      }
    }
    result("floor_rows", pass.rows());
    result("floor_values", pass.values());
    result("floor_read_ms", median(read));
    result("floor_write_ms", median(write));
    result("floor_ms", median(total));
    result("floor_cpu_ms", median(cpu));
  }

  // ---------------------------------------------------------------- http

  private static void http(Map<String, String> a, long jvmStartMs) throws Exception {
    Path work = Path.of(a.get("work"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
    int requests = Integer.parseInt(a.getOrDefault("requests", "100"));
    String month = a.get("month");
    long t0 = System.nanoTime();
    DataSource source = source(a);
    environment(source);
    Injector injector = injector(a, work, source);
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
      long first = System.nanoTime();
      int status = get(client, base, practices.get(0), month).statusCode();
      // the first report reads its month's and locality's rows
      result("first_report_ms", ms(first));
      if (status != 200) {
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
      result("live_heap_mb", liveHeap() >> 20);
    }
  }

  /**
   * The heap the server holds between requests: occupancy after full collections, with its caches
   * still referenced (the server is still running). Two collections, so that what the first one
   * only made unreachable (finalisable objects, soft caches cleared late) is gone too.
   */
  private static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * A client signed in through the standalone server's FORM login (the shipped demo users) as a
   * browser does: the sign-in page sets the form's CSRF cookie and puts the same token in the form.
   * The redirect to the home page is not followed: the scenario times the report alone (the home
   * page would prepare the practices' locality-month before the first timed report).
   */
  private static HttpClient signIn(String root, String user, String password) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String page =
        client
            .send(
                HttpRequest.newBuilder(URI.create(root + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    String form =
        "j_username="
            + java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
            + "&j_password="
            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
            + (token.find()
                ? "&_csrf="
                    + java.net.URLEncoder.encode(
                        token.group(1), java.nio.charset.StandardCharsets.UTF_8)
                : "");
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

  private static DataSource source(Map<String, String> a) {
    DataSource source = JdbcDataSources.forUrl(a.get("db"), null, null);
    JdbcDataSources.checkReachable(source, a.get("db"));
    return source;
  }

  static Injector injector(Map<String, String> a, Path work, DataSource source) throws IOException {
    Files.createDirectories(work);
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("source.jdbc-url", a.get("db"));
    keys.put("plugin.jdbc-url", "jdbc:h2:file:" + work.resolve("plugin") + ";AUTO_SERVER=FALSE");
    keys.put("trim-points.file", a.get("trim"));
    keys.put("artifacts.dir", work.resolve("artifacts").toString());
    keys.put("measures.engine", a.getOrDefault("engine", "reference"));
    // Not the default, a key created at random in this scratch folder: the returns' signature
    // would differ in every run and on every database.
    keys.put("returns.signing-key", BenchSigningKey.writeInto(work).toString());
    LtcConfig cfg = LtcConfig.defaults().with(keys);
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
    List<Long> sizes = new ArrayList<>();
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          sizes.add(Files.size(p));
        }
      }
    }
    return sizes;
  }

  /** The files under dir by their path relative to it, with their bytes, in path order. */
  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /**
   * CPU time of this JVM, all threads (a fairer figure than wall time on a loaded machine; a
   * database server's own CPU, PostgreSQL's, is not in it).
   */
  private static long processCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
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
