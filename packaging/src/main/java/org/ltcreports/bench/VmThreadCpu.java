package org.ltcreports.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time the JVM's own threads have taken: its compilers (the JIT) and its collector. A run's
 * CPU is its own work only in part; on two cores a warm pack run spent more than a quarter of its
 * CPU compiling and a fifth collecting (session 22), which the run's thread times and a profile of
 * Java stacks do not show. Read from Linux's per-thread accounting ({@code
 * /proc/self/task/<tid>/schedstat}, nanoseconds on the CPU, and {@code comm}, the thread's name);
 * elsewhere not measured.
 *
 * <p>A thread that has ended is no longer listed, so the run's own threads (pools that end with the
 * run) are the process's CPU less these. HotSpot also starts and stops compiler threads as its
 * queue grows and shrinks, so a run is measured thread by thread: what each thread listed at its
 * end took since its start (all of it for a thread started since). A compiler thread that ended
 * within the run takes what it did then with it, into the run's own share; summing the totals
 * instead had made the quick compiler's runs compile for "-0.1 s" (session 23).
 */
final class VmThreadCpu {
  private final Path tasks;

  VmThreadCpu(Path tasks) {
    this.tasks = tasks;
  }

  /** This JVM's threads, where Linux lists them. */
  static VmThreadCpu ofThisJvm() {
    return new VmThreadCpu(Path.of("/proc/self/task"));
  }

  /** CPU milliseconds by kind of thread. */
  record Split(long compilingMs, long collectingMs) {}

  /**
   * Each compiler and collector thread's CPU so far, in nanoseconds, by its task id.
   *
   * @param compiling the compiler threads' times
   * @param collecting the collector threads' times
   */
  record Sample(Map<String, Long> compiling, Map<String, Long> collecting) {
    static final Sample NONE = new Sample(Map.of(), Map.of());

    /** What the threads listed now took since {@code before}. */
    Split since(Sample before) {
      return new Split(
          spent(compiling, before.compiling) / 1_000_000,
          spent(collecting, before.collecting) / 1_000_000);
    }

    private static long spent(Map<String, Long> now, Map<String, Long> before) {
      long ns = 0;
      for (Map.Entry<String, Long> t : now.entrySet()) {
        long then = before.getOrDefault(t.getKey(), 0L);
        ns += t.getValue() >= then ? t.getValue() - then : t.getValue(); // a task id used again
      }
      return ns;
    }
  }

  /** The compiler and collector threads' times now; empty where not listed. */
  Optional<Sample> now() {
    if (!Files.isDirectory(tasks)) {
      return Optional.empty();
    }
    Map<String, Long> compiling = new HashMap<>();
    Map<String, Long> collecting = new HashMap<>();
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path t : threads.toList()) {
        Optional<String> name = read(t.resolve("comm"));
        Optional<String> sched = read(t.resolve("schedstat"));
        if (name.isEmpty() || sched.isEmpty()) {
          continue; // ended while listed
        }
        long ns = Long.parseLong(sched.get().trim().split("\\s+")[0]);
        String tid = t.getFileName().toString();
        switch (kind(name.get().trim())) {
          case COMPILING -> compiling.put(tid, ns);
          case COLLECTING -> collecting.put(tid, ns);
          case RUN -> {}
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux's layout: not measured rather than a wrong figure
    }
    return Optional.of(new Sample(compiling, collecting));
  }

  enum Kind {
    COMPILING,
    COLLECTING,
    RUN
  }

  /**
   * A thread's kind by HotSpot's names for its threads (Linux cuts a name to 15 characters): the
   * compilers and the code cache's sweeper; G1's, the parallel and serial collectors' threads, and
   * the VM thread, which runs the collections' safepoints (and a serial collection itself).
   */
  static Kind kind(String name) {
    if (name.startsWith("C1 CompilerThre")
        || name.startsWith("C2 CompilerThre")
        || name.equals("Sweeper thread")) {
      return Kind.COMPILING;
    }
    if (name.startsWith("GC Thread#") || name.startsWith("G1 ") || name.equals("VM Thread")) {
      return Kind.COLLECTING;
    }
    return Kind.RUN;
  }

  private static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
