/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * Who may change queues: reads and the sample's own endpoints are open, every write
 * through the HTTP API or Actuator needs HTTP Basic with the authority
 * {@code CLEO_ADMIN}.
 */
package dev.cleo.sample.app.security;
