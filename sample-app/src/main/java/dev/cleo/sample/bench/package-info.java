/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The load generator: scenarios that drive a real Redis through the public Cleo API and
 * print one JSON line of results each. Internal to the sample application.
 */
package dev.cleo.sample.bench;
