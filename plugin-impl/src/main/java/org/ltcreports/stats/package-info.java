/**
 * Pure statistical functions for the reports: age–sex standardisation against the 2013 European
 * Standard Population, Poisson confidence intervals, funnel-plot significance and limits, XmR
 * statistical process control charts, and before/after comparisons.
 *
 * <p>Nothing here touches SQL, files or configuration: every function takes numbers and returns an
 * immutable record. The rules follow {@code measures.md}; χ², normal and Student t quantiles come
 * from Apache Commons Statistics. A {@code null} in a result means "not defined for this input"
 * (for example a confidence interval with no events), never "zero".
 */
package org.ltcreports.stats;
