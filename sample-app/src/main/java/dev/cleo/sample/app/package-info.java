/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * The Spring Boot sample application: services whose methods are Cleo tasks, named task
 * handlers, and a small HTTP front. Internal to the sample application.
 */
package dev.cleo.sample.app;
