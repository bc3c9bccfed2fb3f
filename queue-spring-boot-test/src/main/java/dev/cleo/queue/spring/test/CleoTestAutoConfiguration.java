/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.spring.test;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.ApplicationQueues;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.aop.InlineTaskCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * What {@link CleoTest} adds to a test context: {@link CleoTestQueues}, and with
 * {@code cleo.test.inline=true} the switch that runs task calls inline. Imported by the
 * annotation only (listed in
 * {@code META-INF/spring/dev.cleo.queue.spring.test.CleoTest.imports}).
 */
@AutoConfiguration(after = CleoAutoConfiguration.class)
@ConditionalOnBean(QueueManager.class)
public final class CleoTestAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CleoTestQueues cleoTestQueues(QueueManager manager, ObjectProvider<ApplicationQueues> queues) {
		return new CleoTestQueues(manager, queues::getIfAvailable);
	}

	@Bean
	@ConditionalOnBooleanProperty("cleo.test.inline")
	@ConditionalOnMissingBean
	InlineTaskCalls cleoInlineTaskCalls() {
		return (taskId) -> true;
	}

}
