/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Order processing with {@code @Task} methods (groups, deduplication, handles and
 * futures) and its HTTP front.
 */
package dev.cleo.sample.app.orders;
