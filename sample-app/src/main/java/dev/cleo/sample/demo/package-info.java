/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The {@code demo} command: a few tasks through a real Redis, with retries and the
 * dead-letter queue. Internal to the sample application.
 */
package dev.cleo.sample.demo;
