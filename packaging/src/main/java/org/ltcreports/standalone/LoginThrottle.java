package org.ltcreports.standalone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Holds back password guessing at the standalone server's sign-in, per account and per address,
 * with exponential back-off: an account may fail {@value #ACCOUNT_FREE_FAILURES} times and an
 * address {@value #ADDRESS_FREE_FAILURES} times (an office behind one address has many users); each
 * failure beyond that holds the account or address back for 1 s, then 2 s, 4 s, … up to 15 minutes.
 * Attempts made while held back are refused without the password being checked, and do not lengthen
 * the wait. A sign-in clears its account's failures; an hour without failures clears an account's
 * or address's. At most {@value #MAX_KEYS} accounts and addresses are remembered (the oldest
 * forgotten first), so guessing with made-up names cannot fill the memory.
 */
public final class LoginThrottle {
  static final int ACCOUNT_FREE_FAILURES = 5;
  static final int ADDRESS_FREE_FAILURES = 20;
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  static final int MAX_KEYS = 10_000;

  private static final class Failures {
    int count;
    Instant last;
    Instant heldUntil = Instant.MIN;
  }

  private final Clock clock;
  private final Map<String, Failures> byKey = new LinkedHashMap<>(64, 0.75f, true);

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether an attempt for the account from the address must be refused unchecked now. */
  public synchronized boolean heldBack(String account, String address) {
    Instant now = clock.instant();
    return held(accountKey(account), now) || held(addressKey(address), now);
  }

  /** A wrong password or unknown account. */
  public synchronized void failed(String account, String address) {
    Instant now = clock.instant();
    fail(accountKey(account), ACCOUNT_FREE_FAILURES, now);
    fail(addressKey(address), ADDRESS_FREE_FAILURES, now);
  }

  /** A sign-in: the account starts afresh (the address keeps its count until it is forgotten). */
  public synchronized void succeeded(String account) {
    byKey.remove(accountKey(account));
  }

  /** How long the account or address is still held back (zero when it is not). */
  synchronized Duration wait(String account, String address) {
    Instant now = clock.instant();
    Instant until = Instant.MIN;
    for (String key : new String[] {accountKey(account), addressKey(address)}) {
      Failures f = current(key, now);
      if (f != null && f.heldUntil.isAfter(until)) {
        until = f.heldUntil;
      }
    }
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  private boolean held(String key, Instant now) {
    Failures f = current(key, now);
    return f != null && now.isBefore(f.heldUntil);
  }

  private void fail(String key, int free, Instant now) {
    Failures f = current(key, now);
    if (f == null) {
      f = new Failures();
      byKey.put(key, f);
      forgetOldest();
    }
    f.count++;
    f.last = now;
    int beyond = f.count - free;
    if (beyond > 0) {
      // 1 s × 2^(beyond−1), capped; the shift is capped too, so it cannot overflow
      long seconds = FIRST_WAIT.getSeconds() << Math.min(beyond - 1, 20);
      f.heldUntil = now.plus(Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.getSeconds())));
    }
  }

  /** The key's failures, or null when there are none or they are over an hour old. */
  private Failures current(String key, Instant now) {
    Failures f = byKey.get(key);
    if (f != null && f.last.plus(FORGET_AFTER).isBefore(now) && !now.isBefore(f.heldUntil)) {
      byKey.remove(key);
      return null;
    }
    return f;
  }

  private void forgetOldest() {
    if (byKey.size() <= MAX_KEYS) {
      return;
    }
    Iterator<Map.Entry<String, Failures>> it = byKey.entrySet().iterator();
    while (byKey.size() > MAX_KEYS && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  private static String accountKey(String account) {
    String a = account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
    return "account:" + (a.length() > 200 ? a.substring(0, 200) : a);
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }
}
