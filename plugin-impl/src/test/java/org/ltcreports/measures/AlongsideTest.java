package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AlongsideTest {
  @Test
  void givesWhatWasMadeThereAndRunsTheRestHere() {
    AtomicReference<String> here = new AtomicReference<>();
    String there = Alongside.make(() -> "there", () -> here.set(Thread.currentThread().getName()));
    assertThat(there).isEqualTo("there");
    assertThat(here.get()).isEqualTo(Thread.currentThread().getName());
  }

  /** Every worker of the common pool busy elsewhere: the part is made on the caller, not waited. */
  @Test
  void makesItHereWhenNoWorkerIsFree() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Future<?>> busy = new ArrayList<>();
    int workers = ForkJoinPool.getCommonPoolParallelism();
    CountDownLatch started = new CountDownLatch(workers);
    for (int i = 0; i < workers; i++) {
      busy.add(
          ForkJoinPool.commonPool()
              .submit(
                  () -> {
                    started.countDown();
                    release.await();
                    return null;
                  }));
    }
    try {
      started.await();
      String made =
          assertTimeoutPreemptively(
              Duration.ofSeconds(10),
              () -> Alongside.make(() -> Thread.currentThread().getName(), () -> {}));
      assertThat(made).doesNotContain("ForkJoinPool");
    } finally {
      release.countDown();
      for (Future<?> f : busy) {
        f.get();
      }
    }
  }
}
