/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.cleo.queue.autoconfigure.WriteAccess;

/**
 * Spring Security's refusals as RFC 9457 problems, like every other error of the sample's
 * API: a call without (or with wrong) credentials gets 401 with a Basic challenge, a user
 * without the authority 403. The details are fixed texts: nothing of the request is
 * echoed.
 */
final class ProblemResponses {

	private static final String REALM = "Basic realm=\"cleo-sample\"";

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					"This call changes queues: send the HTTP Basic credentials of a user with the authority "
							+ WriteAccess.AUTHORITY);
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"This call changes queues and needs the authority " + WriteAccess.AUTHORITY);
	}

	private static void write(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		// The texts are constants without quotes or backslashes, so they need no
		// escaping.
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
