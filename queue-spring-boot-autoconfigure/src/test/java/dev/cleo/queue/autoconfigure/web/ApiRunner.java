/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.autoconfigure.CleoAutoConfiguration;
import dev.cleo.queue.autoconfigure.WriteAccess;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API as an application runs it (Spring MVC, Jackson, Cleo's auto-configuration) on a
 * given manager, for MockMvc tests; worker pools are left to the tests.
 */
final class ApiRunner {

	private ApiRunner() {
	}

	static WebApplicationContextRunner on(QueueManager manager) {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					CleoAutoConfiguration.class, CleoWebApiAutoConfiguration.class))
			.withBean(QueueManager.class, () -> manager)
			.withPropertyValues("cleo.web.api.enabled=true", "cleo.worker.enabled=false");
	}

	/** A caller holding {@value WriteAccess#AUTHORITY}, with writes switched on. */
	static WriteAccess authorised() {
		return new WriteAccess(true, () -> Set.of(WriteAccess.AUTHORITY));
	}

	static void run(WebApplicationContextRunner runner, MvcCall call) {
		run(runner, (context, mvc) -> call.accept(mvc));
	}

	static void run(WebApplicationContextRunner runner, ContextCall call) {
		runner.run((context) -> {
			if (context.getStartupFailure() != null) {
				throw new IllegalStateException(context.getStartupFailure());
			}
			call.accept(context, MockMvcBuilders.webAppContextSetup(context).build());
		});
	}

	static ResultActions postJson(MockMvc mvc, String path, String json) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	/**
	 * Post a job that the API must refuse with 400.
	 * @param mvc the API
	 * @param json the request body
	 * @param detail text the problem's detail must contain
	 * @return the answer, for further expectations
	 */
	static ResultActions postRefused(MockMvc mvc, String json, String detail) throws Exception {
		return postJson(mvc, "/api/jobs", json).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

	static String jobId(ResultActions result) throws Exception {
		return result.andReturn().getResponse().getContentAsString().replaceAll(".*\"jobId\":\"([^\"]+)\".*", "$1");
	}

	@FunctionalInterface
	interface MvcCall {

		void accept(MockMvc mvc) throws Exception;

	}

	@FunctionalInterface
	interface ContextCall {

		void accept(AssertableWebApplicationContext context, MockMvc mvc) throws Exception;

	}

}
