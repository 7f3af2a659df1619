package org.ltcreports.web.pages;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work started from a page (a locality pack, a collation) runs here, on a small executor the
 * plugin owns, never on the request thread: the page answers at once with a progress page that
 * refreshes itself and links to the result when it is ready. Jobs belong to the user who started
 * them; results are kept in memory for a limited number of jobs. {@link #close()} stops the
 * executor when the web application stops.
 */
public final class Jobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  private static final int KEEP = 50;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a job does; reports progress in words and returns the file it made. */
  @FunctionalInterface
  public interface Work {
    Result run(Progress progress) throws Exception;
  }

  /** Progress messages of a running job. */
  @FunctionalInterface
  public interface Progress {
    void update(String message, int percent);
  }

  /** The file a job produced. */
  /**
   * @param summary one honest line of what the file holds
   * @param details what the person should know besides (files not merged and why; partial totals)
   */
  public record Result(
      String fileName, String contentType, byte[] bytes, String summary, List<String> details) {
    public Result {
      details = List.copyOf(details);
    }
  }

  /** One job as its owner sees it. */
  public static final class Job {
    private final String id;
    private final String owner;
    private final String title;
    private final Instant started;
    private volatile String message = "Waiting to start";
    private volatile int percent;
    private volatile Result result;
    private volatile String error;

    Job(String id, String owner, String title, Instant started) {
      this.id = id;
      this.owner = owner;
      this.title = title;
      this.started = started;
    }

    public String id() {
      return id;
    }

    public String owner() {
      return owner;
    }

    public String title() {
      return title;
    }

    public Instant started() {
      return started;
    }

    public String message() {
      return message;
    }

    public int percent() {
      return percent;
    }

    public Result result() {
      return result;
    }

    public String error() {
      return error;
    }

    public boolean done() {
      return result != null || error != null;
    }
  }

  private final ExecutorService executor;
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  public Jobs(int threads) {
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "ltc-web-job-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts a job for {@code owner}; returns it at once. */
  public Job start(String owner, String title, Work work) {
    String id = HexFormat.of().formatHex(random());
    Job job = new Job(id, owner, title, Instant.now());
    synchronized (jobs) {
      jobs.put(id, job);
      while (jobs.size() > KEEP) {
        String oldest = jobs.keySet().iterator().next();
        jobs.remove(oldest);
      }
    }
    try {
      executor.submit(
          () -> {
            try {
              job.message = "Running";
              job.result =
                  work.run(
                      (m, p) -> {
                        job.message = m;
                        job.percent = Math.max(0, Math.min(100, p));
                      });
              job.percent = 100;
              job.message = "Done";
            } catch (Exception | LinkageError e) {
              LOG.error("job {} ({}) failed", id, title, e);
              job.error = "The work failed; the error is in the server log.";
            }
          });
    } catch (RejectedExecutionException e) {
      job.error = "The server is shutting down; try again later.";
    }
    return job;
  }

  /** The job, only for its owner (anyone else is told it does not exist). */
  public Optional<Job> find(String id, String owner) {
    synchronized (jobs) {
      Job j = jobs.get(id);
      return j != null && j.owner.equals(owner) ? Optional.of(j) : Optional.empty();
    }
  }

  private static byte[] random() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("web jobs did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
