/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * What the sample writes to its log of caller-supplied text: escaped and bounded, so no
 * payload can forge a log line or flood the log.
 */
package dev.cleo.sample.logging;
