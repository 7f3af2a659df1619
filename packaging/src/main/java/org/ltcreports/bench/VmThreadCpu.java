package org.ltcreports.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * run) are the process's CPU less these: the compiler and collector threads live as long as the
 * JVM.
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

  /** CPU milliseconds so far, by kind of thread. */
  record Split(long compilingMs, long collectingMs) {
    Split minus(Split before) {
      return new Split(compilingMs - before.compilingMs, collectingMs - before.collectingMs);
    }
  }

  /** What the compiler and collector threads have taken so far; empty where not listed. */
  Optional<Split> now() {
    if (!Files.isDirectory(tasks)) {
      return Optional.empty();
    }
    long compiling = 0;
    long collecting = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path t : threads.toList()) {
        Optional<String> name = read(t.resolve("comm"));
        Optional<String> sched = read(t.resolve("schedstat"));
        if (name.isEmpty() || sched.isEmpty()) {
          continue; // ended while listed
        }
        long ns = Long.parseLong(sched.get().trim().split("\\s+")[0]);
        switch (kind(name.get().trim())) {
          case COMPILING -> compiling += ns;
          case COLLECTING -> collecting += ns;
          case RUN -> {}
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // not Linux's layout: not measured rather than a wrong figure
    }
    return Optional.of(new Split(compiling / 1_000_000, collecting / 1_000_000));
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
