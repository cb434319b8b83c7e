package dev.nce.contracts.events;

import java.time.LocalDate;

/** A term's inclusive start and end dates. */
public record TermPeriod(LocalDate startDate, LocalDate endDate) {}
