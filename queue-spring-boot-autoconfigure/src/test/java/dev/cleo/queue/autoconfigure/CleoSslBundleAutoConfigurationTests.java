/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.test.RedisTls;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.data.redis.ssl.bundle} naming a Spring Boot SSL bundle that trusts
 * the CA of a real TLS-only Redis, the {@link QueueManager} is built on the
 * {@link RedisClient} Spring Boot built with that bundle, and calls on a
 * {@code @QueueClass} bean run on a worker. The server has no plain TCP port
 * ({@code --port 0}), so a round trip can only have gone over TLS.
 */
class CleoSslBundleAutoConfigurationTests {

	private static RedisTls redis;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, DataRedisAutoConfiguration.class,
				CleoAutoConfiguration.class))
		.withPropertyValues("cleo.worker.shutdown-timeout=1s")
		.withBean(MailTasks.Ran.class)
		.withBean(MailTasks.Mailer.class);

	@BeforeAll
	static void startRedis() {
		RedisTls.assumeAvailable();
		redis = RedisTls.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void queueManagerUsesTheTlsClientSpringBootBuiltFromTheBundle() {
		tlsRunner().run((context) -> {
			LettuceConnectionFactory connectionFactory = context.getBean(LettuceConnectionFactory.class);
			assertThat(connectionFactory.isUseSsl()).isTrue();
			Object nativeClient = connectionFactory.getRequiredNativeClient();
			// White box: the manager's connector holds Spring Boot's client, not one of
			// its own.
			assertThat(context.getBean(QueueManager.class)).extracting("engine.connector.client")
				.isSameAs(nativeClient);
		});
	}

	@Test
	void callOnQueueClassBeanRunsOnAWorkerOverTls() {
		tlsRunner().withPropertyValues("cleo.key-prefix=tls").run((context) -> {
			MailTasks.assertCallsRunOnAWorker(context);
			assertThat(keysOnServer("tls:*")).isNotEmpty();
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

	private static List<String> keysOnServer(String pattern) {
		RedisClient client = redis.newClient();
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern);
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

}
