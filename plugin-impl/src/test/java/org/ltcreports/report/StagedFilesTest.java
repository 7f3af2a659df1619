package org.ltcreports.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ltcreports.api.report.Format;
import org.ltcreports.report.ReportRecorder.WrittenFile;

/**
 * Finding 9 of issue 18 at file level: what a run that died leaves behind is removed by the next
 * run's sweep and named (so it can be recorded), whether it was still in staging or already placed
 * with its record lost; a run still alive is left alone.
 */
class StagedFilesTest {
  @TempDir Path out;

  private static WrittenFile file(String name, String text) {
    return new WrittenFile(Format.PDF, name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aPlacedFileIsInPlaceAndStagingIsGoneAfterClose() throws Exception {
    try (StagedFiles run = StagedFiles.in(out)) {
      WrittenFile f = file("2026-07/K83001-practice-feedback-practice.pdf", "%PDF-1");
      run.write(f.fileName(), f.bytes());
      assertThat(out.resolve(f.fileName())).doesNotExist();
      run.place(List.of(f));
      assertThat(out.resolve(f.fileName())).hasContent("%PDF-1");
    }
    assertThat(out.resolve(StagedFiles.STAGING)).doesNotExist();
  }

  @Test
  void theNextRunRemovesStagedFilesAndPlacedFilesWithoutARecord() throws Exception {
    WrittenFile recorded = file("2026-07/K83001-practice-feedback-practice.pdf", "%PDF-recorded");
    WrittenFile lost = file("2026-07/K83002-practice-feedback-practice.pdf", "%PDF-lost");
    WrittenFile unplaced = file("2026-07/K83003-practice-feedback-practice.pdf", "%PDF-staged");
    // a run that "dies": never closed, its lock released as a dead process's would be
    StagedFiles dead = StagedFiles.in(out);
    for (WrittenFile f : List.of(recorded, lost, unplaced)) {
      dead.write(f.fileName(), f.bytes());
    }
    dead.place(List.of(recorded, lost));
    releaseLockOnly(dead);

    Set<String> inDatabase = Set.of(ArtifactFiles.sha256(recorded.bytes()));
    List<StagedFiles.Leftover> removed = StagedFiles.sweep(out, inDatabase::contains);

    assertThat(removed)
        .containsExactly(
            new StagedFiles.Leftover(lost.fileName(), ArtifactFiles.sha256(lost.bytes())),
            new StagedFiles.Leftover(unplaced.fileName(), ArtifactFiles.sha256(unplaced.bytes())));
    assertThat(out.resolve(recorded.fileName())).hasContent("%PDF-recorded");
    assertThat(out.resolve(lost.fileName())).doesNotExist();
    assertThat(out.resolve(unplaced.fileName())).doesNotExist();
    try (var left = Files.list(out.resolve(StagedFiles.STAGING))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aRunStillAliveIsNotSwept() throws Exception {
    try (StagedFiles alive = StagedFiles.in(out)) {
      WrittenFile f = file("2026-07/L01-locality-feedback-practice.pdf", "%PDF-alive");
      alive.write(f.fileName(), f.bytes());
      assertThat(StagedFiles.sweep(out, sha -> false)).isEmpty();
      alive.place(List.of(f));
      assertThat(out.resolve(f.fileName())).hasContent("%PDF-alive");
    }
  }

  private static void releaseLockOnly(StagedFiles run) throws Exception {
    var lock = StagedFiles.class.getDeclaredField("lock");
    lock.setAccessible(true);
    ((java.nio.channels.FileLock) lock.get(run)).release();
  }
}
