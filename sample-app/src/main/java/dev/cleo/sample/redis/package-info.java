/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * A throw-away {@code redis-server} child process for the demo and the sample
 * application. Plain Java; internal to the sample application.
 */
package dev.cleo.sample.redis;
