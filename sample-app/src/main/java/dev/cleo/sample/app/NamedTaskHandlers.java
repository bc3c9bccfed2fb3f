/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import dev.cleo.queue.TaskHandler;
import dev.cleo.sample.tasks.Mailer;
import dev.cleo.sample.tasks.SendEmailHandler;
import dev.cleo.sample.tasks.SimulateWorkHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shows plain handlers registered by bean name, as QueueFlow's
 * {@code handlers.set('send-email', ...)} does: {@code send-email} (payload {@code {to,
 * subject, body}}) and {@code simulate-work} (payload {@code {millis, failTimes}}), which
 * {@code POST /api/jobs} can then enqueue by {@code type}. Their queues come from
 * {@code cleo.web.api.task-queues}.
 */
@Configuration(proxyBeanMethods = false)
public class NamedTaskHandlers {

	@Bean
	Mailer mailer() {
		return new Mailer();
	}

	@Bean(SendEmailHandler.NAME)
	TaskHandler sendEmailHandler(Mailer mailer) {
		return new SendEmailHandler(mailer);
	}

	@Bean(SimulateWorkHandler.NAME)
	TaskHandler simulateWorkHandler() {
		return new SimulateWorkHandler();
	}

}
