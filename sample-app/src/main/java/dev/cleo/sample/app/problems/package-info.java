/*
 * Copyright 2026 the Cleo authors.
 */
/**
 * How the sample's own endpoints answer bad input: RFC 9457 problems whose detail says
 * what is allowed, without echoing or logging what was sent.
 */
package dev.cleo.sample.app.problems;
