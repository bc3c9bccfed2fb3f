/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.autoconfigure.aop.TaskDefinitionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link TaskDefinitionException} as Spring Boot's "Description / Action"
 * start-up failure.
 */
class TaskDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<TaskDefinitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TaskDefinitionException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
