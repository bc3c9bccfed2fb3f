/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The embedded {@code redis-server} the sample application starts when no Redis is
 * configured. Internal to the sample application.
 */
package dev.cleo.sample.app.embedded;
