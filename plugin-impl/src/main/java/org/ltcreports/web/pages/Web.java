package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ltcreports.access.Action;
import org.ltcreports.access.Decision;
import org.ltcreports.access.Permissions;
import org.ltcreports.access.PracticeLocalities;
import org.ltcreports.access.Scope;
import org.ltcreports.api.report.Audience;
import org.ltcreports.api.report.ReportType;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.api.spi.Role;
import org.ltcreports.audit.AuditAction;
import org.ltcreports.audit.AuditEvent;
import org.ltcreports.audit.AuditLog;
import org.ltcreports.audit.AuditOutcome;
import org.ltcreports.report.AudienceView;
import org.ltcreports.report.ReportService;
import org.ltcreports.review.AdmissionReviews;
import org.ltcreports.source.SourceRows.Practice;
import org.ltcreports.submission.ReturnStatus;
import org.ltcreports.submission.Submissions;
import org.ltcreports.web.RequestParameters;
import org.ltcreports.web.security.ContainerUsers;

/**
 * What every page and API call shares: the services, the signed-in user, and the one permission
 * check. {@link #require} asks {@link Permissions#decide} and, on a no, records an {@code
 * ACCESS_DENIED} audit event and throws {@link Forbidden}, which the servlets turn into a 403 page
 * or JSON error.
 */
public final class Web {
  /** A request the user may not make (403). */
  public static final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** A thing that does not exist or is not known to the plugin (404). */
  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** A request body larger than the plugin takes (413). */
  public static final class TooLarge extends RuntimeException {
    public TooLarge(String message) {
      super(message);
    }
  }

  private final ReportService reports;
  private final AuditLog audit;
  private final Submissions submissions;
  private final AdmissionReviews reviews;
  private final PracticeLocalities localities;
  private final ReturnDrafts returns;
  private final Jobs jobs;
  private final AudienceView view;

  public Web(
      ReportService reports,
      AuditLog audit,
      Submissions submissions,
      AdmissionReviews reviews,
      PracticeLocalities localities,
      ReturnDrafts returns,
      Jobs jobs,
      AudienceView view) {
    this.view = view;
    this.reports = reports;
    this.audit = audit;
    this.submissions = submissions;
    this.reviews = reviews;
    this.localities = localities;
    this.returns = returns;
    this.jobs = jobs;
  }

  public ReportService reports() {
    return reports;
  }

  public AuditLog audit() {
    return audit;
  }

  public Submissions submissions() {
    return submissions;
  }

  public AdmissionReviews reviews() {
    return reviews;
  }

  public PracticeLocalities localities() {
    return localities;
  }

  public ReturnDrafts returns() {
    return returns;
  }

  /** The one disclosure step between report model and renderers. */
  public AudienceView audienceView() {
    return view;
  }

  public Jobs jobs() {
    return jobs;
  }

  /** The user the container filter put on the request; without one, nothing is served. */
  public HostUser user(HttpServletRequest req) {
    Optional<HostUser> u = ContainerUsers.current(req);
    if (u.isEmpty()) {
      throw new Forbidden("no signed-in user with an LTC Reports role");
    }
    return u.get();
  }

  /** The practice, which must exist in the source data (else 404, not a 500). */
  public Practice practice(String code) {
    Practice p = reports.practice(code);
    if (p == null) {
      throw new NotFound("unknown practice " + code);
    }
    return p;
  }

  /**
   * A month parameter: YYYY-MM, and a month the data reaches ({@link
   * org.ltcreports.source.DataMonths}); otherwise a 400 naming the valid range.
   */
  public YearMonth month(String value) {
    return reports.months().check(RequestParameters.month(value));
  }

  public Scope practiceScope(String practice, Audience audience) {
    return Scope.practice(practice, audience, localities);
  }

  /** Whether the user may; no audit event (for deciding what to show, not for serving it). */
  public boolean may(HostUser user, Action action, Scope scope) {
    return Permissions.decide(user, action, scope).allowed();
  }

  /**
   * Whether the user may open the practice's return, now in {@code status}: the decision that would
   * refuse its page, for deciding whether to link it (no audit event).
   */
  public boolean mayOpenReturn(HostUser user, String practice, ReturnStatus status) {
    return may(
        user,
        Action.VIEW_RETURN,
        practiceScope(practice, Audience.COMMISSIONER).withReturnSubmitted(!status.unsubmitted()));
  }

  /**
   * Whether the user may open the practice's return whatever its state (a draft included), with the
   * reason when not: what a picker that cannot know the state may offer.
   */
  public Decision returnInAnyState(HostUser user, String practice) {
    return Permissions.viewReturnInAnyState(user, practiceScope(practice, Audience.COMMISSIONER));
  }

  /**
   * The server-side check of every page and call: allowed, or an audited denial.
   *
   * @param month the month asked for, or null
   */
  public Decision require(HostUser user, Action action, Scope scope, YearMonth month, String path) {
    Decision d = Permissions.decide(user, action, scope);
    if (!d.allowed()) {
      AuditEvent.Builder denied =
          AuditEvent.builder(user.name(), AuditAction.ACCESS_DENIED)
              .role(primaryRole(user))
              .practice(scope.practiceCode())
              .locality(scope.localityCode())
              .month(month)
              .audience(scope.audience())
              .parameter("action", action.name())
              .parameter("path", path)
              .outcome(AuditOutcome.DENIED);
      if (scope.caseManagerId() != null) {
        denied.parameter("case_manager", scope.caseManagerId());
      }
      audit.record(denied.build());
      throw new Forbidden(d.reason());
    }
    return d;
  }

  /** Records an audit event for the user, filled in by {@code fill}. */
  public void record(HostUser user, AuditAction action, UnaryOperator<AuditEvent.Builder> fill) {
    audit.record(
        fill.apply(
                AuditEvent.builder(user.name(), action)
                    .role(primaryRole(user))
                    .policyVersion(reports.disclosurePolicyVersion()))
            .build());
  }

  /**
   * Records an event about a practice's case management return for a month, as the commissioner
   * copy (the copy a return is sent as); {@code more} adds the event's own details.
   */
  public void recordReturn(
      HostUser user,
      AuditAction action,
      Practice practice,
      YearMonth month,
      UnaryOperator<AuditEvent.Builder> more) {
    record(
        user,
        action,
        b ->
            more.apply(
                b.report(ReportType.CASE_MANAGEMENT_RETURN)
                    .practice(practice.practiceCode())
                    .locality(practice.localityCode())
                    .month(month)
                    .audience(Audience.COMMISSIONER)));
  }

  /** The role recorded in audit events: the user's most specific plugin role. */
  public static Role primaryRole(HostUser user) {
    for (Role r :
        new Role[] {
          Role.PRACTICE_LEAD,
          Role.PRACTICE_USER,
          Role.LOCALITY_MANAGER,
          Role.COMMISSIONER,
          Role.CASE_MANAGER,
          Role.AUDITOR
        }) {
      if (user.has(r)) {
        return r;
      }
    }
    return null;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
