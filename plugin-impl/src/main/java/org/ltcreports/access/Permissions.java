package org.ltcreports.access;

import static org.ltcreports.access.Action.ACKNOWLEDGE_RETURN;
import static org.ltcreports.access.Action.COLLATE;
import static org.ltcreports.access.Action.DOWNLOAD_REPORT;
import static org.ltcreports.access.Action.EXPORT_AUDIT_LOG;
import static org.ltcreports.access.Action.RETURN_RETURN;
import static org.ltcreports.access.Action.REVIEW_ADMISSION;
import static org.ltcreports.access.Action.SUBMIT_RETURN;
import static org.ltcreports.access.Action.VIEW_AUDIT_LOG;
import static org.ltcreports.access.Action.VIEW_FEEDBACK;
import static org.ltcreports.access.Action.VIEW_IN_HOSPITAL;
import static org.ltcreports.access.Action.VIEW_LOCALITY;
import static org.ltcreports.access.Action.VIEW_OWN_ACTIVITY;
import static org.ltcreports.access.Action.VIEW_PATIENT_LIST;
import static org.ltcreports.access.Action.VIEW_PATIENT_PROFILE;
import static org.ltcreports.access.Action.VIEW_RETURN;
import static org.ltcreports.access.Action.VIEW_REVIEWS;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;

/**
 * Who may do what (governance.md "Access control"), as pure functions of the user, the action and
 * its scope. Every request is checked on the server with {@link #decide}; a denial is a 403 and an
 * {@code ACCESS_DENIED} audit event.
 *
 * <ul>
 *   <li>PRACTICE_USER: its own practices only, any audience of them, patient lists, admission
 *       reviews; never submits.
 *   <li>PRACTICE_LEAD: as PRACTICE_USER, and submits its practices' returns.
 *   <li>LOCALITY_MANAGER: every practice of its localities, COMMISSIONER and PUBLIC outputs only;
 *       collates; acknowledges and returns returns.
 *   <li>COMMISSIONER: COMMISSIONER and PUBLIC outputs of its localities' practices, and their
 *       returns once submitted; acknowledges and returns them; never patient lists.
 *   <li>AUDITOR: reads and exports the audit log, nothing else.
 *   <li>CASE_MANAGER: the patients on their own caseload (open episodes and episodes closed in the
 *       last 90 days), whatever their practice: their in-hospital list and each one's profile;
 *       their own row of the community team report with the team's totals; nothing else
 *       patient-level, no practice or locality report.
 * </ul>
 *
 * Practice staff see the in-hospital list and the profiles of their own practices' patients.
 *
 * <p>A user with several roles may do what any of them allows. Anything not allowed is denied.
 */
public final class Permissions {

  private static final Set<Action> PRACTICE_USER_ACTIONS =
      EnumSet.of(
          VIEW_FEEDBACK,
          DOWNLOAD_REPORT,
          VIEW_RETURN,
          REVIEW_ADMISSION,
          VIEW_REVIEWS,
          VIEW_PATIENT_LIST,
          VIEW_IN_HOSPITAL,
          VIEW_PATIENT_PROFILE);
  private static final Set<Action> PRACTICE_LEAD_ACTIONS =
      plus(PRACTICE_USER_ACTIONS, SUBMIT_RETURN);
  private static final Set<Action> COMMISSIONER_ACTIONS =
      EnumSet.of(
          VIEW_FEEDBACK,
          DOWNLOAD_REPORT,
          VIEW_RETURN,
          ACKNOWLEDGE_RETURN,
          RETURN_RETURN,
          VIEW_LOCALITY);
  private static final Set<Action> LOCALITY_MANAGER_ACTIONS = plus(COMMISSIONER_ACTIONS, COLLATE);
  private static final Set<Action> AUDITOR_ACTIONS = EnumSet.of(VIEW_AUDIT_LOG, EXPORT_AUDIT_LOG);
  private static final Set<Action> CASE_MANAGER_ACTIONS =
      EnumSet.of(VIEW_IN_HOSPITAL, VIEW_PATIENT_PROFILE, VIEW_OWN_ACTIVITY);

  /** Audiences a role outside the practice may receive: aggregates only. */
  private static final Set<Audience> AGGREGATE_AUDIENCES =
      EnumSet.of(Audience.COMMISSIONER, Audience.PUBLIC);

  private Permissions() {}

  public static Decision decide(HostUser user, Action action, Scope scope) {
    if (user == null) {
      return Decision.deny("You are not signed in");
    }
    if (user.roles().isEmpty()) {
      return Decision.deny(
          user.name() + " has no LTC Reports role; ask your system administrator to give you one");
    }
    Optional<Decision> malformed = checkScope(action, scope);
    if (malformed.isPresent()) {
      return malformed.get();
    }
    List<String> reasons = new ArrayList<>();
    for (Role role : Role.values()) {
      if (user.has(role)) {
        Decision d = decide(role, user, action, scope);
        if (d.allowed()) {
          return d;
        }
        reasons.add(d.reason());
      }
    }
    return Decision.deny(String.join("; ", reasons));
  }

  /** As {@link #decide}, throwing {@link AccessDenied} when the answer is no. */
  public static Decision require(HostUser user, Action action, Scope scope) {
    Decision d = decide(user, action, scope);
    if (!d.allowed()) {
      throw new AccessDenied(d);
    }
    return d;
  }

  /**
   * Whether the user may open the practice's return whatever its state, a draft included: what a
   * choice made before the state is known (the home page's picker) may offer. The answer, with its
   * reason when no, is the decision that would refuse the return page.
   *
   * @param practice the practice's scope, in the copy a return is made in
   */
  public static Decision viewReturnInAnyState(HostUser user, Scope practice) {
    return decide(user, VIEW_RETURN, practice.withReturnSubmitted(false));
  }

  /** Problems with the request itself, whoever asks. */
  private static Optional<Decision> checkScope(Action action, Scope scope) {
    if (scope == null) {
      return Optional.of(Decision.deny("The request does not say what it is for"));
    }
    switch (action.target()) {
      case PRACTICE -> {
        if (scope.practiceCode() == null) {
          return Optional.of(Decision.deny("The request does not say which practice"));
        }
      }
      case LOCALITY -> {
        if (scope.localityCode() == null) {
          return Optional.of(Decision.deny("The request does not say which locality"));
        }
      }
      case PRACTICE_OR_LOCALITY -> {
        if (scope.practiceCode() == null && scope.localityCode() == null) {
          return Optional.of(Decision.deny("The request does not say which practice or locality"));
        }
      }
      case PRACTICE_OR_CASELOAD -> {
        if (scope.practiceCode() == null && scope.caseManagerId() == null) {
          return Optional.of(Decision.deny("The request does not say which practice or caseload"));
        }
      }
      case PATIENT -> {
        if (scope.patientCaseloads() == null) {
          return Optional.of(Decision.deny("The request does not say which patient"));
        }
      }
      case NONE -> {
        return Optional.empty();
      }
    }
    if (action.hasAudience() && scope.audience() == null) {
      return Optional.of(
          Decision.deny("The request does not say whose copy of the report it is for"));
    }
    if (action.patientLevel() && scope.audience() != Audience.PRACTICE) {
      return Optional.of(
          Decision.deny(
              "Patient lists and profiles exist only in the practice's own copy of a report"));
    }
    if (scope.practiceCode() != null && scope.localityCode() != null) {
      Optional<String> actual = scope.localities().localityOf(scope.practiceCode());
      if (actual.isEmpty() || !actual.get().equals(scope.localityCode())) {
        return Optional.of(
            Decision.deny(
                "Practice "
                    + scope.practiceCode()
                    + " is not known to be in locality "
                    + scope.localityCode()));
      }
    }
    return Optional.empty();
  }

  private static Decision decide(Role role, HostUser user, Action action, Scope scope) {
    return switch (role) {
      case PRACTICE_USER -> practiceStaff(role, PRACTICE_USER_ACTIONS, user, action, scope);
      case PRACTICE_LEAD -> practiceStaff(role, PRACTICE_LEAD_ACTIONS, user, action, scope);
      case LOCALITY_MANAGER -> localityStaff(role, LOCALITY_MANAGER_ACTIONS, user, action, scope);
      case COMMISSIONER -> commissioner(user, action, scope);
      case AUDITOR ->
          AUDITOR_ACTIONS.contains(action)
              ? Decision.allow("Auditors may " + action.words())
              : Decision.deny("Auditors can only read and export the audit log");
      case CASE_MANAGER -> caseManager(user, action, scope);
    };
  }

  /** A case manager: the patients of their own caseload, whatever the practice. */
  private static Decision caseManager(HostUser user, Action action, Scope scope) {
    Role role = Role.CASE_MANAGER;
    if (!CASE_MANAGER_ACTIONS.contains(action)) {
      return cannot(role, action);
    }
    if (user.caseManagers().isEmpty()) {
      return Decision.deny(
          user.name()
              + " is not linked to a case manager in the source data; ask your system"
              + " administrator to add their case manager id");
    }
    if (action == VIEW_IN_HOSPITAL || action == VIEW_OWN_ACTIVITY) {
      if (scope.caseManagerId() == null) {
        return Decision.deny(who(role) + " see their own caseload only, not a practice's patients");
      }
      if (!user.caseManagers().contains(scope.caseManagerId())) {
        return Decision.deny(user.name() + " does not hold the caseload asked for");
      }
      return Decision.allow(who(role) + " may " + action.words() + " on their own caseload");
    }
    if (scope.patientCaseloads().stream().noneMatch(user.caseManagers()::contains)) {
      return Decision.deny(
          "This patient is not on "
              + user.name()
              + "'s caseload (an open episode, or one closed in the last 90 days)");
    }
    return Decision.allow(who(role) + " may " + action.words() + " of their own caseload");
  }

  /** Practice roles: their own practices, whatever the audience. */
  private static Decision practiceStaff(
      Role role, Set<Action> allowed, HostUser user, Action action, Scope scope) {
    if (!allowed.contains(action)) {
      return cannot(role, action);
    }
    if (action.target() == Action.Target.PATIENT
        && (scope.practiceCode() == null || !user.practices().contains(scope.practiceCode()))) {
      // says nothing of where the patient is registered: that is itself patient data
      return Decision.deny(
          "This patient is not registered with a practice " + user.name() + " acts for");
    }
    if (scope.practiceCode() == null) {
      return Decision.deny(
          who(role)
              + (scope.caseManagerId() != null
                  ? " see their own practices' patients, not a case manager's caseload"
                  : " see their own practices only, not a whole locality"));
    }
    if (!user.practices().contains(scope.practiceCode())) {
      return Decision.deny(user.name() + " does not act for practice " + scope.practiceCode());
    }
    return Decision.allow(
        who(role) + " of practice " + scope.practiceCode() + " may " + action.words());
  }

  /** Roles above the practice: practices of their localities, aggregate audiences only. */
  private static Decision localityStaff(
      Role role, Set<Action> allowed, HostUser user, Action action, Scope scope) {
    if (!allowed.contains(action)) {
      return cannot(role, action);
    }
    if (action.hasAudience() && !AGGREGATE_AUDIENCES.contains(scope.audience())) {
      return Decision.deny(
          who(role)
              + " receive the commissioner and public copies of reports only, not the"
              + " practice's own copy; ask the practice");
    }
    Optional<String> locality = scope.targetLocality();
    if (locality.isEmpty()) {
      return Decision.deny("The locality of practice " + scope.practiceCode() + " is not known");
    }
    if (!user.localities().contains(locality.get())) {
      return Decision.deny(user.name() + " does not act for locality " + locality.get());
    }
    return Decision.allow(who(role) + " of locality " + locality.get() + " may " + action.words());
  }

  private static Decision commissioner(HostUser user, Action action, Scope scope) {
    Decision d = localityStaff(Role.COMMISSIONER, COMMISSIONER_ACTIONS, user, action, scope);
    if (d.allowed() && action == VIEW_RETURN && !scope.returnSubmitted()) {
      return Decision.deny("Commissioners see a return only once the practice has submitted it");
    }
    return d;
  }

  /** "Commissioners cannot see patient lists; ask the practice". */
  private static Decision cannot(Role role, Action action) {
    return Decision.deny(who(role) + " cannot " + action.words() + action.advice());
  }

  /** The role in words, plural (denials speak of the role, not the person). */
  static String who(Role role) {
    return switch (role) {
      case PRACTICE_USER -> "Practice staff";
      case PRACTICE_LEAD -> "Practice leads";
      case LOCALITY_MANAGER -> "Locality managers";
      case COMMISSIONER -> "Commissioners";
      case AUDITOR -> "Auditors";
      case CASE_MANAGER -> "Case managers";
    };
  }

  private static Set<Action> plus(Set<Action> base, Action extra) {
    Set<Action> s = EnumSet.copyOf(base);
    s.add(extra);
    return s;
  }
}
