/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisTls;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.ssl.bundle} naming a Spring Boot SSL bundle that trusts
 * the CA of a real TLS-only Redis, the {@link QueueManager} is built on a
 * {@link RedisClient} configured as the one Spring Boot built with that bundle, and calls
 * on a {@code @QueueClass} bean run on a worker. The server has no plain TCP port
 * ({@code --port 0}), so a round trip can only have gone over TLS.
 */
class CleoSslBundleAutoConfigurationTests {

	@AutoClose
	private static RedisTls redis;

	private final ApplicationContextRunner runner = MailTasks.runner(SslAutoConfiguration.class);

	@BeforeAll
	static void startRedis() {
		RedisTls.assumeAvailable();
		redis = RedisTls.start();
	}

	@Test
	void queueManagerUsesATlsClientConfiguredFromTheBundle() {
		tlsRunner().run((context) -> {
			LettuceConnectionFactory connectionFactory = context.getBean(LettuceConnectionFactory.class);
			assertThat(connectionFactory.isUseSsl()).isTrue();
			MailTasks.assertManagerUsesAClientConfiguredAsSpringBoots(context);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorkerOverTls() {
		tlsRunner().withPropertyValues("cleo.key-prefix=tls").run((context) -> {
			MailTasks.assertCallsRunOnAWorker(context);
			assertThat(MailTasks.keys(redis.newClient(), "tls:*")).isNotEmpty();
		});
	}

	@Test
	void withoutSslTheStartFailsBecauseTheServerSpeaksOnlyTls() {
		producerOnly()
			.run((context) -> assertThat(context).getFailure().hasMessageContaining("Could not connect to Redis"));
	}

	@Test
	void withoutTheBundleTheServerCertificateIsNotTrusted() {
		// The JDK's default trust store does not know the test CA: only the bundle does.
		producerOnly().withPropertyValues("spring.data.redis.ssl.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("unable to find valid certification path"));
	}

	/** The application as a user would configure it: the bundle, SSL on, the TLS port. */
	private ApplicationContextRunner tlsRunner() {
		return this.runner.withPropertyValues(
				"spring.ssl.bundle.pem.redis.truststore.certificate=file:" + redis.caCertificate(),
				"spring.data.redis.ssl.enabled=true", "spring.data.redis.ssl.bundle=redis",
				"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port());
	}

	/** The TLS port without the bundle or SSL, short timeouts and no workers. */
	private ApplicationContextRunner producerOnly() {
		return this.runner.withPropertyValues("spring.data.redis.host=" + redis.host(),
				"spring.data.redis.port=" + redis.port(), "spring.data.redis.connect-timeout=2s",
				"spring.data.redis.timeout=2s", "cleo.command-timeout=2s", "cleo.worker.enabled=false");
	}

}
