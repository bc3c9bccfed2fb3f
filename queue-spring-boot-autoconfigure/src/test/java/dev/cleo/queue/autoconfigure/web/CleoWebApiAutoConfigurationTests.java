/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.DispatcherServlet;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.CleoRunners;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * When the HTTP API is configured: only on request, only in a servlet application.
 */
@RedisTest
class CleoWebApiAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleoAutoConfiguration.class, CleoWebApiAutoConfiguration.class));

	private WebApplicationContextRunner withManager(RedisServer redis) {
		return this.runner.withBean(QueueManager.class, CleoRunners.manager(redis));
	}

	@Test
	void apiIsOffByDefault(RedisServer redis) {
		withManager(redis).run((context) -> assertThat(context).doesNotHaveBean(JobsController.class)
			.doesNotHaveBean(OperationsController.class));
	}

	@Test
	void apiIsOnWhenEnabled(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.web.api.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(JobsController.class)
				.hasSingleBean(OperationsController.class)
				.hasSingleBean(ApiExceptionHandler.class);
			CleoWebApiProperties properties = context.getBean(CleoWebApiProperties.class);
			assertThat(properties.getDefaultQueue()).isEqualTo("default");
			assertThat(properties.getBasePath()).isEqualTo("/api");
			assertThat(properties.getMaxDelay()).isEqualTo(Duration.ofDays(7));
			assertThat(properties.getMaxTtl()).isEqualTo(Duration.ofDays(7));
		});
	}

	@Test
	void bodyLimitIsTheManagersWhichCleoMaxPayloadSizeSets(RedisServer redis) {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("cleo.web.api.enabled=true", "cleo.worker.enabled=false", "cleo.max-payload-size=16KB",
					"spring.data.redis.url=" + redis.uri())
			.run((context) -> {
				assertThat(context.getBean(QueueManager.class).maxPayloadSize()).isEqualTo(16 * 1024);
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(post("/api/jobs").contentType(MediaType.APPLICATION_JSON)
					.content("{\"payload\":\"" + "a".repeat(40 * 1024) + "\"}"))
					.andExpect(status().is(413))
					.andExpect(jsonPath("$.maxPayloadSize").value(16 * 1024));
			});
	}

	@Test
	void controllersBackOffWhenTheUserDefinesThem(RedisServer redis) {
		JobsController own = new JobsController(mock(QueueManager.class), null, null, null, null, null);
		withManager(redis).withPropertyValues("cleo.web.api.enabled=true")
			.withBean("myJobsController", JobsController.class, () -> own)
			.run((context) -> assertThat(context).getBean(JobsController.class).isSameAs(own));
	}

	@Test
	void apiIsAbsentWithoutSpringMvc(RedisServer redis) {
		withManager(redis).withPropertyValues("cleo.web.api.enabled=true")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JobsController.class));
	}

	@Test
	void apiIsAbsentOutsideAWebApplication(RedisServer redis) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CleoAutoConfiguration.class, CleoWebApiAutoConfiguration.class))
			.withBean(QueueManager.class, CleoRunners.manager(redis))
			.withPropertyValues("cleo.web.api.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(JobsController.class));
	}

	@Test
	void apiIsAbsentWithoutAQueueManager() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CleoWebApiAutoConfiguration.class))
			.withPropertyValues("cleo.web.api.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(JobsController.class));
	}

}
