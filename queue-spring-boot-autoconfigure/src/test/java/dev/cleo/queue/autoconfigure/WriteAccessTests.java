/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.util.List;

import dev.cleo.queue.autoconfigure.WriteAccess.WriteRefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link WriteAccess}: the switch, then the authority when a security framework is there.
 */
class WriteAccessTests {

	@Test
	void writeIsRefusedNamingTheSwitchWhenWritesAreOff() {
		assertThatExceptionOfType(WriteRefusedException.class)
			.isThrownBy(() -> WriteAccess.withoutSecurity(false).check("retry dead letters"))
			.withMessage("Write operations are disabled, so 'retry dead letters' was refused; "
					+ "set cleo.write-operations.enabled=true to allow them");
	}

	@Test
	void switchAloneDecidesWithoutASecurityFramework() {
		assertThatNoException().isThrownBy(() -> WriteAccess.withoutSecurity(true).check("cleanup"));
		assertThat(WriteAccess.withoutSecurity(true).isCallerAuthorised()).isFalse();
	}

	@Test
	void writeNeedsTheAuthorityWhenASecurityFrameworkIsPresent() {
		WriteAccess viewer = new WriteAccess(true, () -> List.of("ROLE_USER"));
		assertThatExceptionOfType(WriteRefusedException.class).isThrownBy(() -> viewer.check("cleanup"))
			.withMessage("'cleanup' needs the authority CLEO_ADMIN");
		assertThat(viewer.isCallerAuthorised()).isFalse();
	}

	@Test
	void callerWithTheAuthorityMayWrite() {
		WriteAccess admin = new WriteAccess(true, () -> List.of("ROLE_USER", WriteAccess.AUTHORITY));
		assertThatNoException().isThrownBy(() -> admin.check("cleanup"));
		assertThat(admin.isCallerAuthorised()).isTrue();
	}

	@Test
	void authorityDoesNotLiftTheSwitch() {
		WriteAccess admin = new WriteAccess(false, () -> List.of(WriteAccess.AUTHORITY));
		assertThatExceptionOfType(WriteRefusedException.class).isThrownBy(() -> admin.check("cleanup"));
	}

}
