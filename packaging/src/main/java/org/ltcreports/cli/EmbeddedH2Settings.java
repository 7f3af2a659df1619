package org.ltcreports.cli;

/**
 * Settings of the embedded H2 engine for the standalone runnable's JVMs (the commands and the
 * bench's children), made before any class of H2 is loaded: H2 reads its system properties once,
 * when its {@code SysProperties} class is first used.
 *
 * <p>{@code h2.objectCache=false}: H2 keeps a small shared cache of the strings and values it reads
 * from its pages and hashes every value it reads to look it up there. A source read meets millions
 * of distinct ids, so the cache almost never hits, and the reader pools the values it keeps itself
 * ({@code SourceReader}). Without it the reading thread's CPU for the 600k locality falls by about
 * a sixth (docs/performance.md, session 14); at {@code -Xmx512m} the read's wall time is set by the
 * collector and does not move. Values and order are the same; only the work differs. A value given
 * on the command line ({@code -Dh2.objectCache=...}) is kept.
 *
 * <p>Not set by the web fragment or the WAR: a system property is the whole JVM's, and a host's
 * servlet container may run other applications on H2.
 */
public final class EmbeddedH2Settings {
  static final String OBJECT_CACHE = "h2.objectCache";

  private EmbeddedH2Settings() {}

  /** Makes the settings unless already given; call before anything opens an H2 database. */
  public static void apply() {
    if (System.getProperty(OBJECT_CACHE) == null) {
      System.setProperty(OBJECT_CACHE, "false");
    }
  }
}
