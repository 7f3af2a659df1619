package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM's compiler and collector threads' CPU, from Linux's per-thread accounting. */
class VmThreadCpuTest {
  @TempDir Path tmp;

  /**
   * HotSpot's thread names as Linux lists them (cut to 15 characters): the compilers and the code
   * cache's sweeper compile; G1's threads and the VM thread collect; any other thread is the run's.
   */
  @Test
  void threadsAreSortedByHotSpotsNames() {
    for (String n : List.of("C2 CompilerThre", "C1 CompilerThre", "Sweeper thread")) {
      assertThat(VmThreadCpu.kind(n)).as(n).isEqualTo(VmThreadCpu.Kind.COMPILING);
    }
    for (String n :
        List.of(
            "GC Thread#0",
            "GC Thread#1",
            "G1 Conc#0",
            "G1 Refine#0",
            "G1 Main Marker",
            "G1 Service",
            "VM Thread")) {
      assertThat(VmThreadCpu.kind(n)).as(n).isEqualTo(VmThreadCpu.Kind.COLLECTING);
    }
    for (String n : List.of("main", "ltc-pdf-1-1", "pool-3-thread-1", "ltc-read-1", "java")) {
      assertThat(VmThreadCpu.kind(n)).as(n).isEqualTo(VmThreadCpu.Kind.RUN);
    }
  }

  /**
   * Each thread's first schedstat field is its time on the CPU in nanoseconds. Compiling: C2
   * 3,500,000,000 + C1 500,000,000 ns = 4,000 ms. Collecting: a GC worker 1,250,000,000 + the VM
   * thread 250,400,000 ns = 1,500.4 → 1,500 ms. The main thread's 9 s is the run's; a thread that
   * ended while listed (no files) is left out.
   */
  @Test
  void theSplitAddsEachKindsThreads() throws IOException {
    task("101", "C2 CompilerThre", "3500000000 12 40");
    task("102", "C1 CompilerThre", "500000000 3 9");
    task("103", "GC Thread#0", "1250000000 0 5");
    task("104", "VM Thread", "250400000 0 5");
    task("105", "main", "9000000000 0 100");
    Files.createDirectories(tmp.resolve("106"));

    assertThat(new VmThreadCpu(tmp).now().map(n -> n.since(VmThreadCpu.Sample.NONE)))
        .contains(new VmThreadCpu.Split(4000, 1500));
  }

  /**
   * HotSpot starts and stops compiler threads as its queue grows and shrinks. Before the run: C1
   * threads 102 (2 s) and 107 (1 s). After: 102 at 2.5 s, 107 gone, a new C2 thread 108 at 0.3 s.
   * The run compiled 0.5 + 0.3 = 0.8 s that can be seen (107's part of the run went with it), not
   * 2.8 - 3.0 = -0.2 s, as totals gave.
   */
  @Test
  void aCompilerThreadThatEndsWithinTheRunTakesNothingOff() throws IOException {
    task("102", "C1 CompilerThre", "2000000000 3 9");
    task("107", "C1 CompilerThre", "1000000000 3 9");
    task("103", "GC Thread#0", "1250000000 0 5");
    VmThreadCpu.Sample before = new VmThreadCpu(tmp).now().orElseThrow();
    task("102", "C1 CompilerThre", "2500000000 3 9");
    Files.delete(tmp.resolve("107").resolve("comm"));
    Files.delete(tmp.resolve("107").resolve("schedstat"));
    Files.delete(tmp.resolve("107"));
    task("108", "C2 CompilerThre", "300000000 3 9");
    task("103", "GC Thread#0", "1750000000 0 5");

    assertThat(new VmThreadCpu(tmp).now().orElseThrow().since(before))
        .isEqualTo(new VmThreadCpu.Split(800, 500));
  }

  /** Where Linux's listing is not there (another system), the split is not measured, not zero. */
  @Test
  void elsewhereTheSplitIsNotMeasured() {
    assertThat(new VmThreadCpu(tmp.resolve("absent")).now()).isEmpty();
  }

  /**
   * This JVM's own threads go by the names above, so a change of HotSpot's names shows here rather
   * than as a bench that says the JVM never collects: a full collection of a heap with something in
   * it takes the collector's threads some CPU.
   */
  @Test
  void thisJvmsCollectorIsFoundByName() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's per-thread accounting");
    VmThreadCpu vm = VmThreadCpu.ofThisJvm();
    VmThreadCpu.Sample before = vm.now().orElseThrow();
    List<long[]> held = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      held.add(new long[1_000]); // 16 MB kept across the collections
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    VmThreadCpu.Split spent = vm.now().orElseThrow().since(before);
    assertThat(held).hasSize(2_000);
    assertThat(spent.collectingMs()).isPositive();
  }

  private void task(String tid, String name, String schedstat) throws IOException {
    Path t = Files.createDirectories(tmp.resolve(tid));
    Files.writeString(t.resolve("comm"), name + "\n");
    Files.writeString(t.resolve("schedstat"), schedstat + "\n");
  }
}
