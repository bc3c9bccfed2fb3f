/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link CleoStartupException} (a shutdown timeout Spring Boot would not wait
 * for, a Redis that cannot be reached) as Spring Boot's "Description / Action" start-up
 * failure.
 */
class CleoStartupFailureAnalyzer extends AbstractFailureAnalyzer<CleoStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CleoStartupException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
