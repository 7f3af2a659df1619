package org.ltcreports.render.patients;

import java.time.LocalDate;

/**
 * An admission review as the profile shows it: which admission, when it was reviewed, and the
 * outcome in words (never the reviewer's free-text learning, which stays on the practice's review
 * form).
 */
public record ProfileReview(String spellId, LocalDate reviewed, String outcome) {}
