/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.problems;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link MalformedRequestFilter} first in the filter chain, ahead of Spring
 * Security's and Spring MVC's filters, which are the first to read parameters, and
 * {@link UnknownHealthComponentFilter} right after it, around everything that could
 * throw.
 */
@Configuration(proxyBeanMethods = false)
public class MalformedRequestConfiguration {

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UnknownHealthComponentFilter> unknownHealthComponentFilter() {
		FilterRegistrationBean<UnknownHealthComponentFilter> registration = new FilterRegistrationBean<>(
				new UnknownHealthComponentFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
