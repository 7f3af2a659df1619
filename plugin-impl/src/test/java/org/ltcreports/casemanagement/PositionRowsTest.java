package org.ltcreports.casemanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionRowsTest {
  @Test
  void groupsRowsByPositionKeepingTheirOrder() {
    // 5 positions; rows added out of position order: (3: 30,31) (0: 1,2) (3: 32,33) (4: 40,41)
    // -> counts 1,0,0,2,1 -> starts 0,1,1,1,3,4; position 3 keeps 30 before 32 (added first)
    PositionRows.Builder b = new PositionRows.Builder(5, 2);
    b.add(3, 30, 31);
    b.add(0, 1, 2);
    b.add(3, 32, 33);
    b.add(4, 40, 41);
    PositionRows rows = b.build();

    assertThat(rowsOf(rows, 0)).containsExactly(List.of(1, 2));
    assertThat(rowsOf(rows, 1)).isEmpty();
    assertThat(rowsOf(rows, 2)).isEmpty();
    assertThat(rowsOf(rows, 3)).containsExactly(List.of(30, 31), List.of(32, 33));
    assertThat(rowsOf(rows, 4)).containsExactly(List.of(40, 41));
    assertThat(rows.start(3)).isEqualTo(1);
    assertThat(rows.end(3)).isEqualTo(3);
    assertThat(rows.end(4)).isEqualTo(4);
  }

  @Test
  void growsPastItsFirstCapacity() {
    // 100 rows over 7 positions: position p holds the k with k % 7 == p, ascending
    PositionRows.Builder b = new PositionRows.Builder(7, 1);
    for (int k = 0; k < 100; k++) {
      b.add(k % 7, k);
    }
    PositionRows rows = b.build();
    // 100 = 14 * 7 + 2: positions 0 and 1 hold 15 rows, the others 14
    assertThat(rows.end(0) - rows.start(0)).isEqualTo(15);
    assertThat(rows.end(6) - rows.start(6)).isEqualTo(14);
    assertThat(valuesOf(rows, 6).get(13)).isEqualTo(97); // 6 + 13 * 7
    assertThat(valuesOf(rows, 1)).startsWith(1, 8, 15).endsWith(99); // 1 + 14 * 7
  }

  @Test
  void refusesARowOutsideThePositionsOrOfTheWrongWidth() {
    PositionRows.Builder b = new PositionRows.Builder(2, 2);
    assertThatThrownBy(() -> b.add(2, 1, 1)).hasMessageContaining("no patient position 2");
    assertThatThrownBy(() -> b.add(-1, 1, 1)).hasMessageContaining("no patient position -1");
    assertThatThrownBy(() -> b.add(0, 1)).hasMessageContaining("2 columns, not 1");
  }

  private static List<List<Integer>> rowsOf(PositionRows rows, int position) {
    List<List<Integer>> out = new ArrayList<>();
    for (int r = rows.start(position); r < rows.end(position); r++) {
      out.add(List.of(rows.value(0, r), rows.value(1, r)));
    }
    return out;
  }

  private static List<Integer> valuesOf(PositionRows rows, int position) {
    List<Integer> out = new ArrayList<>();
    for (int r = rows.start(position); r < rows.end(position); r++) {
      out.add(rows.value(0, r));
    }
    return out;
  }
}
