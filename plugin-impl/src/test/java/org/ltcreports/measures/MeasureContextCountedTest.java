package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A count may ask for another count while it is being made ({@code CaseRegister.on} asks for the
 * counted episodes, the SQL engine's families for what they share): {@link MeasureContext#counted}
 * must answer both, whatever bins the keys fall in. "Aa" and "BB" have the same {@code hashCode}
 * (65·31 + 97 = 66·31 + 66 = 2112), so they share a bin of the context's map, which is where a
 * {@code ConcurrentHashMap.computeIfAbsent} inside another throws "Recursive update".
 */
class MeasureContextCountedTest {
  @Test
  void aCountAskedForWhileAnotherIsMadeIsMadeOnce() {
    MeasureContext ctx =
        new MeasureContext(new SourceDataBuilder("2026-10-31").build(), MeasureSettings.defaults());
    int[] made = new int[2];
    int outer =
        ctx.counted(
            "Aa",
            () -> {
              made[0]++;
              return ctx.counted(
                      "BB",
                      () -> {
                        made[1]++;
                        return 20;
                      })
                  + 1;
            });
    assertThat(outer).isEqualTo(21);
    assertThat(ctx.<Integer>counted("BB", () -> -1)).isEqualTo(20);
    assertThat(ctx.<Integer>counted("Aa", () -> -1)).isEqualTo(21);
    assertThat(made).containsExactly(1, 1);
  }
}
