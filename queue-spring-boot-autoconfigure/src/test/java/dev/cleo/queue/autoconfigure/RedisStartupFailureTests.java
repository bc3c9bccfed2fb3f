/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Redis down at start-up: the start fails with a Description / Action report that names
 * the address tried and the {@code spring.data.redis.*} properties that set it, not with
 * a bare stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisStartupFailureTests {

	/** A port nothing listens on. */
	private static int closedPort;

	private final ApplicationContextRunner runner = CleoRunners.cleo().withPropertyValues("cleo.worker.enabled=false");

	@BeforeAll
	static void findClosedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
	}

	@Test
	void hostAndPortOfAClosedPortFailTheStartNamingTheAddressAndTheProperties() {
		this.runner.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + closedPort)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.startsWith("Could not connect to Redis at 127.0.0.1:" + closedPort)
					.contains("Connection refused", "spring.data.redis.host and spring.data.redis.port")
					.doesNotContain("Exception", "io.", "<unresolved>", "\tat ");
				assertThat(analysis.getAction()).contains("Start Redis", "spring.data.redis.url",
						"spring.data.redis.host", "spring.data.redis.port");
			});
	}

	@Test
	void urlOfAClosedPortIsNamedWithoutItsPassword() {
		this.runner.withPropertyValues("spring.data.redis.url=redis://app:s3cret@127.0.0.1:" + closedPort)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("127.0.0.1:" + closedPort, "spring.data.redis.url")
					.doesNotContain("s3cret");
				assertThat(analysis.getAction()).doesNotContain("s3cret");
			});
	}

	@Test
	void noAddressConfiguredNamesTheDefault() {
		this.runner.withPropertyValues("spring.data.redis.port=" + closedPort)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("localhost:" + closedPort, "spring.data.redis.host and spring.data.redis.port"));
	}

	@Test
	void applicationStartPrintsTheReportInsteadOfAStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(RedisApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + closedPort, "--cleo.worker.enabled=false"));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Could not connect to Redis at 127.0.0.1:" + closedPort, "Action:", "Start Redis");
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new CleoStartupFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RedisApplication {

	}

}
