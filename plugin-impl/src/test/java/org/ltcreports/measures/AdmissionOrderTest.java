package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ltcreports.measures.SourceDataBuilder.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ltcreports.source.SourceRows.Spell;

class AdmissionOrderTest {
  // the order the context hands admissions on: admission date, then spell id
  private static final Comparator<Admission> BY_DATE_THEN_SPELL_ID =
      Comparator.comparing(Admission::admitted).thenComparing(a -> a.spell().spellId());

  @Test
  void putsAdmissionsByDateThenSpellId() {
    // S10 and S9 on 2 Mar (by spell id as text: "S10" < "S9"), S2 on 1 Mar, S1 on 3 Mar; given in
    // patient order
    List<Admission> given =
        List.of(
            admission("S9", "2026-03-02"),
            admission("S1", "2026-03-03"),
            admission("S2", "2026-03-01"),
            admission("S10", "2026-03-02"));
    assertThat(MeasureContext.inAdmissionOrder(given))
        .extracting(a -> a.spell().spellId())
        .containsExactly("S2", "S10", "S9", "S1");
    assertThat(MeasureContext.inAdmissionOrder(List.of())).isEmpty();
  }

  @Test
  void isTheSortOfTheWholeOrderOnRandomAdmissions() {
    Random random = new Random(21);
    for (int round = 0; round < 20; round++) {
      List<Admission> given = new ArrayList<>();
      int n = 1 + random.nextInt(400);
      int days = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        // distinct spell ids, as the used spells are; several admissions a day
        given.add(
            admission(
                "S" + random.nextInt(1000) + "-" + i,
                d("2025-12-30").plusDays(random.nextInt(days)).toString()));
      }
      if (round % 5 == 0) {
        // a date centuries away (bad data): the days are not counted out, the list is sorted
        given.add(admission("S-old", "1066-10-14"));
      }
      List<Admission> expected = new ArrayList<>(given);
      expected.sort(BY_DATE_THEN_SPELL_ID);
      assertThat(Arrays.asList(MeasureContext.inAdmissionOrder(given)))
          .as("round %d", round)
          .containsExactlyElementsOf(expected);
    }
  }

  private static Admission admission(String spellId, String admitted) {
    LocalDate day = LocalDate.parse(admitted);
    Spell s = new Spell(spellId, "P1", "RX1", day, null, "21", null, "1", null, null, null, null);
    return new Admission(s, null, null, -1);
  }
}
