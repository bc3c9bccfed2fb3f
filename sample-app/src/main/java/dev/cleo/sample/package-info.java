/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The sample application's entry point, which hands each command to its own package.
 */
package dev.cleo.sample;
