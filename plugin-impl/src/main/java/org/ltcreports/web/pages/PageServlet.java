package org.ltcreports.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.ltcreports.api.spi.HostUser;
import org.ltcreports.review.ReviewConflict;
import org.ltcreports.submission.IllegalTransition;
import org.ltcreports.web.RequestParameters.BadRequest;
import org.ltcreports.web.Uploads;
import org.ltcreports.web.csrf.CsrfTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTML page of the plugin (registered as {@code ltc-home}, behind the container user filter).
 * Routes a path to its page; each page checks the user's permission on the server. Bad input is a
 * 400 page, an unknown thing a 404, a denial a 403 (recorded as {@code ACCESS_DENIED}), a POST
 * without the session's CSRF token a 403 before anything else runs.
 */
public final class PageServlet extends KnownMethodsServlet {
  private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

  private final transient Web web;
  private final transient PracticeHomePage home;
  private final transient PracticePages practice;
  private final transient LocalityPages locality;
  private final transient AdminPages admin;
  private final transient PatientPages patients;
  private final transient PatientLists lists;
  private final String prefix;

  /**
   * @param prefix the base path the servlet is mapped under ("" when it owns the context)
   */
  public PageServlet(Web web, String prefix) {
    this.web = web;
    this.prefix = prefix;
    Worklist reviews = new Worklist();
    this.home = new PracticeHomePage(web);
    this.practice = new PracticePages(web, reviews);
    this.locality = new LocalityPages(web);
    this.admin = new AdminPages(web);
    this.patients = new PatientPages(web);
    this.lists = new PatientLists(web);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    handle(req, resp, false);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    handle(req, resp, true);
  }

  private void handle(HttpServletRequest req, HttpServletResponse resp, boolean post)
      throws IOException {
    String base = req.getContextPath() + prefix;
    String full =
        (req.getServletPath() == null ? "" : req.getServletPath())
            + (req.getPathInfo() == null ? "" : req.getPathInfo());
    String path = full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    if (path.isEmpty()) {
      path = "/";
    }
    HostUser user = null;
    try {
      user = web.user(req);
      Exchange x = new Exchange(req, resp, user, base, path);
      if (post && Uploads.isMultipart(req)) {
        // The token of a multipart form is inside its body: the upload checks the permission, the
        // origin and the announced size first, then reads the body, then the token.
        if (!LocalityPages.isUpload(x.segments())) {
          throw new BadRequest("only the returns upload takes multipart/form-data");
        }
      } else if (post) {
        requireCsrf(req);
      }
      route(x, post);
    } catch (Web.Forbidden e) {
      error(req, resp, base, user, 403, "Access denied", e.getMessage());
    } catch (Web.TooLarge e) {
      error(req, resp, base, user, 413, "Too large", e.getMessage());
    } catch (Web.NotFound e) {
      error(req, resp, base, user, 404, "Not found", e.getMessage());
    } catch (BadRequest | IllegalArgumentException | IllegalTransition | ReviewConflict e) {
      error(req, resp, base, user, 400, "This request cannot be done", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("page {} failed", path, e);
      error(
          req,
          resp,
          base,
          user,
          500,
          "Something went wrong",
          "The page could not be produced; the error is in the server log.");
    }
  }

  /** A form post must carry the session's CSRF token in its body (403 otherwise). */
  static void requireCsrf(HttpServletRequest req) {
    if (!CsrfTokens.valid(req)) {
      throw new Web.Forbidden(
          "this form has expired or did not come from LTC Reports (missing or wrong CSRF token);"
              + " go back, reload the page and try again");
    }
  }

  private void route(Exchange x, boolean post) throws IOException {
    List<String> s = x.segments();
    String first = s.isEmpty() ? "" : s.get(0);
    switch (first) {
      case "" ->
          requireGet(
              post,
              () -> {
                if (PatientPages.caseManagerOnly(x.user())) {
                  // a case manager starts the day with who is in hospital
                  patients.inHospital(x, List.of("in-hospital"));
                } else {
                  home.show(x);
                }
              });
      case "go" -> requireGet(post, () -> home.go(x));
      case "logout" -> {
        requirePost(post);
        HttpSession session = x.req().getSession(false);
        if (session != null) {
          session.invalidate();
        }
        try {
          x.req().logout();
        } catch (jakarta.servlet.ServletException e) {
          LOG.debug("container logout failed", e);
        }
        x.redirect("/");
      }
      case "practices" -> practice.route(x, s, post);
      case "localities" -> locality.route(x, s, post);
      case "jobs" -> locality.job(x, s, post);
      case "in-hospital" -> requireGet(post, () -> patients.inHospital(x, s));
      case "team-activity" -> requireGet(post, () -> new TeamPage(web).own(x, s));
      case "patients" -> requireGet(post, () -> patients.profile(x, s));
      case "lists" -> requireGet(post, () -> lists.route(x, s));
      case "submissions" -> requireGet(post, () -> admin.submissions(x));
      case "audit" -> requireGet(post, () -> admin.audit(x, false));
      case "audit.csv" -> requireGet(post, () -> admin.audit(x, true));
      default -> throw new Web.NotFound("there is no page at " + x.path());
    }
  }

  /** A page action that may throw IOException. */
  @FunctionalInterface
  interface Action {
    void run() throws IOException;
  }

  static void requireGet(boolean post, Action a) throws IOException {
    if (post) {
      throw new Web.NotFound("this page cannot be posted to");
    }
    a.run();
  }

  static void requirePost(boolean post) {
    if (!post) {
      throw new Web.NotFound("this address only accepts a form submission");
    }
  }

  private static void error(
      HttpServletRequest req,
      HttpServletResponse resp,
      String base,
      HostUser user,
      int status,
      String title,
      String message)
      throws IOException {
    if (resp.isCommitted()) {
      return;
    }
    resp.reset();
    Page p = new Page(base, user, user == null ? null : CsrfTokens.token(req), title);
    p.body().open("div", "class", "error", "role", "alert").el("p", message).close("div");
    p.body().open("p").a(base + "/", "Go to the home page").close("p");
    p.send(resp, status);
  }

  @Override
  public void destroy() {
    web.jobs().close();
    web.returns().close();
  }
}
