package org.ltcreports.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ltcreports.source.SourceData;
import org.ltcreports.source.SourceRows.Spell;

class SpellIndexTest {
  // rows 0..5: P2's later spell, P1's spell, a repeat of S1 (not used), a row with no admission
  // date (not usable), P1's earlier spell, a spell with no patient
  private final SourceData data =
      new SourceDataBuilder("2026-10-31")
          .emergency("S3", "P2", "2026-05-01", "2026-05-02")
          .emergency("S1", "P1", "2026-06-01", "2026-06-03")
          .emergency("S1", "P2", "2026-01-01", "2026-01-02")
          .emergency("S4", "P1", null, null)
          .emergency("S2", "P1", "2026-03-01", null)
          .emergency("S5", null, "2026-04-01", "2026-04-01")
          .build();
  private final List<Spell> rows = data.spells();
  private final SpellIndex index = new SpellIndex(rows);

  @Test
  void usesTheFirstUsableRowOfEachSpellId() {
    assertThat(index.spells()).containsExactly(rows.get(0), rows.get(1), rows.get(4), rows.get(5));
    assertThat(List.of(0, 1, 2, 3, 4, 5)).filteredOn(index::isUsed).containsExactly(0, 1, 4, 5);
    assertThat(index.spell("S1")).isSameAs(rows.get(1));
    assertThat(index.spell("S4")).as("no admission date: not used").isNull();
    assertThat(index.spell("S9")).isNull();
    assertThat(index.spell(null)).isNull();
  }

  @Test
  void givesEachPatientsSpellsByAdmissionDate() {
    // P1: S2 (1 March) before S1 (1 June); P2: S3 only (its S1 row is a repeat, not used)
    assertThat(index.ofPatient("P1")).containsExactly(rows.get(4), rows.get(1));
    assertThat(index.ofPatient("P2")).containsExactly(rows.get(0));
    assertThat(index.ofPatient("P9")).isEmpty();
    assertThat(index.ofPatient(null)).isEmpty();
    // the walk over every patient: by number, in id order
    assertThat(index.patients()).isEqualTo(2);
    assertThat(index.patientId(0)).isEqualTo("P1");
    assertThat(index.patientId(1)).isEqualTo("P2");
    assertThat(index.spellsOfPatient(0)).isEqualTo(index.ofPatient("P1"));
    assertThat(index.spellsOfPatient(1)).containsExactly(rows.get(0));
  }

  @Test
  void numbersPatientsAsTheRegistrationsOfTheSnapshotDo() {
    // P1 has a patient row and a registration; P0 only spells; P3 only a registration with no
    // practice (not usable); P5 only an episode; P7 only an event. Numbers in id order:
    // P0 0, P1 1, P3 2, P5 3, P7 4.
    SourceData snapshot =
        new SourceDataBuilder("2026-10-31")
            .practice("A", "L")
            .patient("P1", "1950-01-01", "F")
            .registration("P1", "A", "2020-01-01", null)
            .registration("P3", null, "2020-01-01", null)
            .emergency("S1", "P1", "2026-06-01", "2026-06-03")
            .emergency("S2", "P0", "2026-03-01", "2026-03-02")
            .emergency("S3", "P0", "2026-02-01", "2026-02-02")
            .caseManager("CM1", "NURSE", "1.0", "L")
            .episode("E1", "P5", "CM1", "2026-01-01", "GP", "2026-01-01", null, null, "HIGH")
            .event("P7", "2026-01-01", "CARE_PLAN")
            .build();
    MeasureContext ctx = new MeasureContext(snapshot, MeasureSettings.defaults());
    Registrations regs = ctx.registrations();
    SpellIndex spells = ctx.spells();
    assertThat(regs.positions()).isEqualTo(5);
    assertThat(spells.patients()).isEqualTo(5);
    List<String> ids = List.of("P0", "P1", "P3", "P5", "P7");
    for (int i = 0; i < ids.size(); i++) {
      assertThat(regs.positionOf(ids.get(i))).isEqualTo(i);
      assertThat(spells.patientId(i)).isEqualTo(ids.get(i));
    }
    assertThat(spells.spellsOfPatient(0)).extracting(Spell::spellId).containsExactly("S3", "S2");
    assertThat(spells.spellsOfPatient(3)).isEmpty();
    // a spell-only patient's admissions carry the number, with no patient row and no practice
    assertThat(ctx.admissions())
        .extracting(a -> a.spell().spellId() + " " + a.patientPosition() + " " + a.practiceCode())
        .containsExactly("S3 0 null", "S2 0 null", "S1 1 A");
    assertThat(regs.patientAt(0)).isNull();
    assertThat(regs.registrationsAt(2)).isEmpty();
  }

  @Test
  void isMadeOnceForTheMeasuresAndTheDataQualityScan() {
    MeasureContext ctx = new MeasureContext(data, MeasureSettings.defaults());
    assertThat(ctx.spells()).isSameAs(ctx.spells());
    // the counted admissions are the used spells: S4 (no date) and the repeated S1 are not
    assertThat(ctx.admissions())
        .extracting(a -> a.spell().spellId())
        .containsExactly("S2", "S5", "S3", "S1");
  }
}
