/**
 * Every report's rendering, in one home and one shape.
 *
 * <ul>
 *   <li>This package: what every format shares: the {@link org.ltcreports.render.Block} model of a
 *       laid-out report, {@link org.ltcreports.render.Display} (how figures look), {@link
 *       org.ltcreports.render.Wording} (the fixed words), {@link org.ltcreports.render.ChartData}
 *       and the {@link org.ltcreports.render.ReportRenderer} contract.
 *   <li>One package per report family for what that report says and how it is laid out: {@code
 *       feedback} (practice feedback and locality summary), {@code returns} (the case management
 *       return), {@code casefinding} (the case-finding list).
 *   <li>One package per output format for the machinery that writes it: {@code pdf}
 *       (JasperReports), {@code xlsx}, {@code html}, {@code csv}, {@code json}.
 * </ul>
 *
 * <p>A renderer never computes a figure and never sees SQL: it shows what the {@link
 * org.ltcreports.api.report.Report} holds.
 */
package org.ltcreports.render;
