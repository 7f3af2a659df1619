package org.ltcreports.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ltcreports.source.SourceRows.Episode;

/**
 * The case management episodes the return counts: rows with an episode id and a patient id, the
 * first row of a repeated id in the reader's order winning (the rows repeating it are left out and
 * reported). Made once per context ({@link #of}) for the families and the reference engine; the SQL
 * engine decides the same rows (engine.sql.EpisodeSql).
 */
public final class CountedEpisodes {
  private final Map<String, Episode> byId;
  private final List<Episode> duplicates;

  private CountedEpisodes(Map<String, Episode> byId, List<Episode> duplicates) {
    this.byId = Collections.unmodifiableMap(byId);
    this.duplicates = Collections.unmodifiableList(duplicates);
  }

  /** The context's counted episodes, made on the first call. */
  public static CountedEpisodes of(MeasureContext ctx) {
    return ctx.counted(CountedEpisodes.class, () -> of(ctx.data().episodes()));
  }

  /**
   * The rule over rows in the reader's order (the SQL engine's rows, already one per id, come
   * through as they are).
   */
  public static CountedEpisodes of(List<Episode> rows) {
    Map<String, Episode> byId = new LinkedHashMap<>();
    List<Episode> duplicates = new ArrayList<>();
    for (Episode e : rows == null ? List.<Episode>of() : rows) {
      if (e.episodeId() == null || e.patientId() == null) {
        continue;
      }
      if (byId.putIfAbsent(e.episodeId(), e) != null) {
        duplicates.add(e);
      }
    }
    return new CountedEpisodes(byId, duplicates);
  }

  /** Episodes by id, in the reader's order. */
  public Map<String, Episode> byId() {
    return byId;
  }

  /** Episode rows whose id repeats an earlier row: left out, reported. */
  public List<Episode> duplicates() {
    return duplicates;
  }
}
