package org.ltcreports.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 finding 6: the back-off of {@link LoginThrottle}, worked by hand: an account may fail 5
 * times, an address 20 times; the n-th failure beyond that holds back for 2^(n−1) s, at most 15
 * minutes (900 s).
 */
class LoginThrottleTest {
  /** A clock the test moves. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void pass(Duration d) {
      now = now.plus(d);
    }
  }

  final Hand clock = new Hand();
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void anAccountIsHeldBackOneTwoFourSecondsUpToFifteenMinutes() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("target", "10.0.0." + i);
      assertThat(throttle.heldBack("target", "10.0.0.9")).as("after failure " + i).isFalse();
    }
    // failure 6 = the 1st beyond 5: 2^0 = 1 s
    throttle.failed("target", "10.0.0.6");
    assertThat(throttle.heldBack("target", "10.0.0.9")).isTrue();
    assertThat(throttle.heldBack("TARGET ", "10.0.0.9"))
        .as("names compared as typed, case-blind")
        .isTrue();
    assertThat(throttle.wait("target", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.heldBack("lead", "10.0.0.9")).as("another account").isFalse();
    clock.pass(Duration.ofMillis(999));
    assertThat(throttle.heldBack("target", "10.0.0.9")).isTrue();
    clock.pass(Duration.ofMillis(1));
    assertThat(throttle.heldBack("target", "10.0.0.9")).isFalse();
    // failures 7, 8, 9 …: 2, 4, 8 s; failure 15 (10th beyond) 2^9 = 512 s; 16th 1,024 → 900 s
    long[] expected = {2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
    for (int k = 0; k < expected.length; k++) {
      throttle.failed("target", "10.1.0." + k);
      assertThat(throttle.wait("target", "10.9.9.9"))
          .as("failure " + (7 + k))
          .isEqualTo(Duration.ofSeconds(expected[k]));
      clock.pass(Duration.ofSeconds(expected[k]));
    }
    // a sign-in clears the account
    throttle.failed("target", "10.2.0.1");
    throttle.succeeded("target");
    assertThat(throttle.heldBack("target", "10.9.9.9")).isFalse();
  }

  @Test
  void anAddressIsHeldBackAfterTwentyFailures() {
    for (int i = 1; i <= 20; i++) {
      throttle.failed("guess" + i, "192.0.2.7");
    }
    assertThat(throttle.heldBack("lead", "192.0.2.7")).isFalse();
    throttle.failed("guess21", "192.0.2.7");
    assertThat(throttle.heldBack("lead", "192.0.2.7")).as("any account from it").isTrue();
    assertThat(throttle.heldBack("lead", "192.0.2.8")).as("another address").isFalse();
    assertThat(throttle.wait("lead", "192.0.2.7")).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void failuresAreForgottenAfterAnHourWithoutOne() {
    for (int i = 1; i <= 5; i++) {
      throttle.failed("target", "10.0.0.1");
    }
    clock.pass(Duration.ofHours(1).plusSeconds(1));
    // the count starts again: this is failure 1, not 6
    throttle.failed("target", "10.0.0.1");
    assertThat(throttle.heldBack("target", "10.0.0.1")).isFalse();
  }
}
