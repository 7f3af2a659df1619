package org.ltcreports.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.source.SourceRows.Practice;

/** Which practices a user's pages list: their own, and every practice of their localities. */
final class UserPractices {
  private UserPractices() {}

  /**
   * The practices a user works for (practice roles) or oversees (locality manager, commissioner),
   * by code; practices unknown to the data are left out.
   */
  static List<Practice> inScope(Web web, HostUser user) {
    Set<String> codes = new TreeSet<>();
    if (hasPracticeRole(user)) {
      codes.addAll(user.practices());
    }
    if (user.has(Role.LOCALITY_MANAGER) || user.has(Role.COMMISSIONER)) {
      for (String l : user.localities()) {
        codes.addAll(web.reports().practicesOf(l));
      }
    }
    List<Practice> out = new ArrayList<>();
    for (String c : codes) {
      Practice p = web.reports().practice(c);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /** Practice staff or practice lead. */
  static boolean hasPracticeRole(HostUser user) {
    return user.has(Role.PRACTICE_USER) || user.has(Role.PRACTICE_LEAD);
  }
}
