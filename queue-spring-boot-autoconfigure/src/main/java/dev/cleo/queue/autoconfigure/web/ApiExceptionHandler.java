/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers every error of the HTTP API with an RFC 9457 problem
 * ({@code application/problem+json}) whose detail is bounded and free of internals (see
 * {@link ProblemMapping}): those of its controllers, and those Spring MVC raises before
 * any controller runs for a path under the API (unknown path 404, wrong method 405, wrong
 * content type 415), which a {@code @ControllerAdvice} never sees. Errors of the
 * application's own controllers are left alone, even under the same path. A failure that
 * is not the caller's is logged at WARN with its class and where it was thrown (the
 * message may carry payload text, so it is logged at DEBUG only) and answered 500 with a
 * generic detail.
 */
public class ApiExceptionHandler implements HandlerExceptionResolver, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	/**
	 * The API's controllers: their errors are answered here, wherever they are served.
	 */
	private static final List<Class<?>> CONTROLLERS = List.of(JobsController.class, OperationsController.class,
			HistoryController.class, TasksController.class, WorkersController.class, EventsController.class);

	private final String basePath;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Create the handler.
	 * @param basePath the path the API is served under ({@code cleo.web.api.base-path})
	 */
	public ApiExceptionHandler(String basePath) {
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
	}

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers, which would answer with their default bodies
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!isApiCall(request, handler) || response.isCommitted()) {
			return null;
		}
		ApiProblems.ApiProblemException problem = ProblemMapping.of(ex);
		if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
			StackTraceElement[] trace = ex.getStackTrace();
			logger.warn("HTTP API call {} {} failed with {} at {}", request.getMethod(), request.getRequestURI(),
					ex.getClass().getName(), (trace.length > 0) ? trace[0] : "?");
			logger.debug("HTTP API call failed", ex);
		}
		try {
			write(problem, response);
		}
		catch (IOException writeFailure) {
			// the client went away; nothing left to answer
			logger.debug("Could not write a problem answer", writeFailure);
		}
		return new ModelAndView();
	}

	private boolean isApiCall(HttpServletRequest request, @Nullable Object handler) {
		if (handler instanceof HandlerMethod method) {
			Class<?> type = method.getBeanType();
			return CONTROLLERS.stream().anyMatch((controller) -> controller.isAssignableFrom(type));
		}
		String path = UrlPathHelper.defaultInstance.getLookupPathForRequest(request);
		return path.equals(this.basePath) || path.startsWith(this.basePath + "/");
	}

	private void write(ApiProblems.ApiProblemException problem, HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.getMessage());
		body.putAll(problem.properties());
		response.resetBuffer();
		response.setStatus(problem.status().value());
		problem.headers().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		response.setContentType(PROBLEM.toString());
		response.getOutputStream().write(this.mapper.writeValueAsBytes(body));
	}

}
