/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoSettings;

/**
 * QueueFlow's HTTP API on Spring MVC: only in a servlet web application, and only when
 * {@code cleo.web.api.enabled=true}.
 */
@AutoConfiguration(afterName = "dev.cleo.queue.autoconfigure.CleoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty("cleo.web.api.enabled")
@ConditionalOnBean(QueueManager.class)
@EnableConfigurationProperties(CleoWebApiProperties.class)
public final class CleoWebApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JobsController cleoJobsController(QueueManager manager, CleoWebApiProperties properties,
			ObjectProvider<CleoSettings> settings) {
		CleoSettings configured = settings.getIfAvailable();
		return (configured != null) ? new JobsController(manager, properties, configured::taskOptions)
				: new JobsController(manager, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	OperationsController cleoOperationsController(QueueManager manager, CleoWebApiProperties properties) {
		return new OperationsController(manager, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ApiExceptionHandler cleoApiExceptionHandler() {
		return new ApiExceptionHandler();
	}

}
