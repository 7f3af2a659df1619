package org.ltcreports.stats;

/**
 * A directly standardised rate with its 95% Dobson limits.
 *
 * @param rate the rate per multiplier; {@code null} when no cell has any population or fewer than
 *     {@link DirectStandardisation#MINIMUM_EVENTS} events were observed
 * @param lcl95 lower 95% limit; {@code null} whenever the rate is
 * @param ucl95 upper 95% limit; {@code null} whenever the rate is
 * @param observed events in cells with population, the {@code O} of the limits
 * @param eventsInEmptyCells events in cells with no population: left out of the rate and reported
 *     as a data-quality count
 */
public record StandardisedRate(
    Double rate, Double lcl95, Double ucl95, long observed, long eventsInEmptyCells) {}
