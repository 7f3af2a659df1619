package org.ltcreports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bench's measure of the machine's speed is the same work in every version, so that its figures
 * from two sessions compare (a changed work would make them compare silently wrong).
 */
class MachineSpeedTest {
  @Test
  void theWorkIsTheSameFromVersionToVersion() {
    assertThat(MachineSpeed.work()).isEqualTo(MachineSpeed.CHECKSUM);
  }

  @Test
  void itIsPrintedInMilliseconds() {
    assertThat(MachineSpeed.describe()).matches("speed \\d+ ms");
  }
}
