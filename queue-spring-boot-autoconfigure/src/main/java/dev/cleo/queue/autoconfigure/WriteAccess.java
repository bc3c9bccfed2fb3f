/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one gate of every operation that changes queues from outside the application's code
 * (the HTTP API's dead-letter, cleanup and cancel calls, the Actuator endpoint's
 * actions): {@code cleo.write-operations.enabled} must be on, and when Spring Security is
 * on the classpath the caller must hold {@value #AUTHORITY}.
 */
public final class WriteAccess {

	/** The authority a caller needs for a write when Spring Security is present. */
	public static final String AUTHORITY = "CLEO_ADMIN";

	private final boolean enabled;

	private final Supplier<@Nullable Collection<String>> callerAuthorities;

	/**
	 * Create the gate.
	 * @param enabled whether write operations are switched on
	 * @param callerAuthorities the current caller's authorities, or a supplier of
	 * {@code null} when no security framework is present (then the switch alone decides)
	 */
	public WriteAccess(boolean enabled, Supplier<@Nullable Collection<String>> callerAuthorities) {
		this.enabled = enabled;
		this.callerAuthorities = callerAuthorities;
	}

	/**
	 * A gate with no security framework behind it.
	 * @param enabled whether write operations are switched on
	 * @return the gate
	 */
	public static WriteAccess withoutSecurity(boolean enabled) {
		return new WriteAccess(enabled, () -> null);
	}

	/**
	 * Whether write operations are switched on.
	 * @return the switch
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Whether the current caller is authorised for Cleo's operations: it holds
	 * {@value #AUTHORITY}. Without a security framework nobody is, so answers that would
	 * list internals (queue and task names) to an authorised caller list none.
	 * @return true for an authorised caller
	 */
	public boolean isCallerAuthorised() {
		Collection<String> authorities = this.callerAuthorities.get();
		return authorities != null && authorities.contains(AUTHORITY);
	}

	/**
	 * Check that a write may run.
	 * @param operation what is asked, for the message ("retry dead letters")
	 * @throws WriteRefusedException when writes are off or the caller lacks the authority
	 */
	public void check(String operation) {
		if (!this.enabled) {
			throw new WriteRefusedException("Write operations are disabled, so '" + operation
					+ "' was refused; set cleo.write-operations.enabled=true to allow them");
		}
		Collection<String> authorities = this.callerAuthorities.get();
		if (authorities != null && !authorities.contains(AUTHORITY)) {
			throw new WriteRefusedException("'" + operation + "' needs the authority " + AUTHORITY);
		}
	}

	/** No caller authorities: the answer of a supplier when nobody is authenticated. */
	static final Set<String> NONE = Set.of();

	/**
	 * A write was refused: 403.
	 */
	public static final class WriteRefusedException extends RuntimeException {

		WriteRefusedException(String message) {
			super(message);
		}

	}

}
