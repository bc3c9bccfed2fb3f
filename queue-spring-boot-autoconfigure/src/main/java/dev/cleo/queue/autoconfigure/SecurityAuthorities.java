/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The current caller's authorities from Spring Security's context; loaded only when
 * Spring Security is on the classpath. An anonymous or absent caller holds none.
 * Internal.
 */
final class SecurityAuthorities {

	private SecurityAuthorities() {
	}

	static Collection<String> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return WriteAccess.NONE;
		}
		List<String> names = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((name) -> name != null)
			.toList();
		return names;
	}

}
