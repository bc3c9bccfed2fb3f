/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot sample application: Cleo's starter with e-mail notifications, order
 * processing and report generation as tasks, QueueFlow's HTTP API, Actuator and
 * Prometheus. Without {@code spring.data.redis.url} it starts its own
 * {@code redis-server} (see
 * {@link dev.cleo.sample.app.embedded.EmbeddedRedisInitializer}).
 */
@SpringBootApplication
public class CleoSampleApplication {

	/**
	 * Start the application.
	 * @param args Spring Boot's arguments, such as {@code --server.port=9090}
	 */
	public static void main(String[] args) {
		SpringApplication.run(CleoSampleApplication.class, args);
	}

}
