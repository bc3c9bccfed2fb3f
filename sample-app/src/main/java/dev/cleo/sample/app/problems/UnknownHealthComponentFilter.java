/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.problems;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 404 for a health path below a component that does not exist, such as
 * {@code /actuator/health/ghost/x}. Spring Boot 4.1's health endpoint answers
 * {@code /actuator/health/ghost} with 404 but, one segment deeper, fails an assertion and
 * the request ends in a 500 with a logged stack trace. Only that failure is translated:
 * an exception from anywhere else passes on unchanged.
 */
public class UnknownHealthComponentFilter extends OncePerRequestFilter {

	private static final String HEALTH_ENDPOINT_SUPPORT = "org.springframework.boot.health.actuate.endpoint.HealthEndpointSupport";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException ex) {
			if (!isUnknownComponentFailure(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			ProblemResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found",
					"No health component has this path");
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().contains("/health/");
	}

	private static boolean isUnknownComponentFailure(ServletException ex) {
		if (!(ex.getCause() instanceof IllegalStateException failure)) {
			return false;
		}
		StackTraceElement[] frames = failure.getStackTrace();
		// Assert.state throws; the frame below it is the one that asserted.
		return frames.length > 1 && HEALTH_ENDPOINT_SUPPORT.equals(frames[1].getClassName());
	}

}
