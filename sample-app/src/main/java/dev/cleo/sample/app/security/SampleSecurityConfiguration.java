/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.security;

import java.util.Map;
import java.util.regex.Pattern;

import dev.cleo.queue.autoconfigure.WriteAccess;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Ships the sample with its writes protected: reading (health, metrics, the queues
 * endpoint, job status), enqueueing ({@code POST /api/jobs}) and the sample's own
 * endpoints ({@code /orders}, {@code /reports}) are open, while every call that changes
 * queues from outside (the Actuator's {@code POST} and {@code DELETE} on
 * {@code /actuator/**}, {@code /api/dlq/**}, {@code /api/cleanup},
 * {@code /api/jobs/{id}/cancel}, and any other write under {@code /api}) needs HTTP Basic
 * as a user holding {@value WriteAccess#AUTHORITY}, the authority Cleo's own
 * {@link WriteAccess} checks too. One such user, {@code admin}, with the password of
 * {@code sample.security.admin-password}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleSecurityProperties.class)
public class SampleSecurityConfiguration {

	/** The user of the sample's administrative calls. */
	public static final String ADMIN = "admin";

	private static final String NOOP = "noop";

	/** A password that names its encoder, as Spring Security stores them. */
	private static final Pattern ENCODED = Pattern.compile("^\\{[^}]+}.*");

	@Bean
	SecurityFilterChain sampleSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/jobs")
			.permitAll()
			.requestMatchers("/api/dlq/**", "/api/cleanup", "/api/jobs/*/cancel")
			.hasAuthority(WriteAccess.AUTHORITY)
			.requestMatchers(HttpMethod.POST, "/api/**", "/actuator/**")
			.hasAuthority(WriteAccess.AUTHORITY)
			.requestMatchers(HttpMethod.PUT, "/api/**", "/actuator/**")
			.hasAuthority(WriteAccess.AUTHORITY)
			.requestMatchers(HttpMethod.PATCH, "/api/**", "/actuator/**")
			.hasAuthority(WriteAccess.AUTHORITY)
			.requestMatchers(HttpMethod.DELETE, "/api/**", "/actuator/**")
			.hasAuthority(WriteAccess.AUTHORITY)
			.anyRequest()
			.permitAll());
		http.httpBasic((basic) -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()));
		http.exceptionHandling((errors) -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
			.accessDeniedHandler(ProblemResponses.forbidden()));
		// Every call carries its credentials: no session, so no cookie a browser could
		// send on its own.
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		// CSRF tokens protect what a browser sends on its own: a session cookie. These
		// paths take JSON calls from scripts and services that send Basic credentials
		// with every request and hold no session, so there is no token to hand out and
		// none to forge. Actuator writes and the API's JSON bodies also need
		// application/json (415 otherwise), which a cross-site form cannot send. What
		// remains is a browser that has cached the admin's Basic credentials and is
		// lured into a body-less cross-site POST: do not log in as admin from a browser.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**", "/orders/**", "/reports/**"));
		return http.build();
	}

	@Bean
	UserDetailsService sampleUsers(SampleSecurityProperties properties) {
		String password = properties.adminPassword();
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername(ADMIN)
			.password(isEncoded(password) ? password : "{noop}" + password)
			.authorities(WriteAccess.AUTHORITY)
			.build());
		// The lookup alone: handed the manager itself, which can also store passwords,
		// Spring Security would re-encode a plain password with BCrypt at the first
		// login, and every Basic call after it would cost a BCrypt round.
		return users::loadUserByUsername;
	}

	@Bean
	PasswordEncoder samplePasswordEncoder(SampleSecurityProperties properties) {
		if (isEncoded(properties.adminPassword())) {
			return PasswordEncoderFactories.createDelegatingPasswordEncoder();
		}
		// A plain password is compared as given. Spring Security checks an unknown user
		// against a dummy encoded with this encoder too, so such a call costs no more
		// than the admin's (with BCrypt it would cost a BCrypt round, and its slowness
		// would tell which user exists).
		return new DelegatingPasswordEncoder(NOOP, Map.of(NOOP, NoOpPasswordEncoder.getInstance()));
	}

	private static boolean isEncoded(String password) {
		return ENCODED.matcher(password).matches();
	}

}
