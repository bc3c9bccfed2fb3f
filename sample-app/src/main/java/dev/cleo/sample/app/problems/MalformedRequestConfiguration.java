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
 * Security's and Spring MVC's filters, which are the first to read parameters.
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

}
