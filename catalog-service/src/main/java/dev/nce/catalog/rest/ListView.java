package dev.nce.catalog.rest;

import java.util.List;

/** API.md list answer. */
public record ListView<T>(long totalCount, List<T> items) {}
