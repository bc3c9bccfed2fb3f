/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.cleo.queue.autoconfigure.AbstractQueueManagerTests;
import dev.cleo.queue.autoconfigure.WriteAccess;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the API's read calls with query parameters ({@code /api/history},
 * {@code /api/history/stats}, {@code /api/history/errors}, {@code /api/tasks},
 * {@code /api/workers}) refuse: each bad parameter is a 400 problem that names the
 * parameter and what it takes, with no class name or stack trace.
 */
class ReadParametersTests extends AbstractQueueManagerTests {

	private static final String LONG_NAME = "t".repeat(201);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					/api/history?outcome=bogus                      | 'outcome' takes completed, failed, timed_out, lease_expired, cancelled, retried, dead
					/api/history?outcome=dead,                      | 'outcome' takes
					/api/history?since=yesterday                    | 'since' must be epoch milliseconds or an ISO-8601 instant
					/api/history?until=2026-13-01T00:00:00Z         | 'until' must be epoch milliseconds or an ISO-8601 instant
					/api/history?since=-5                           | 'since' must be epoch milliseconds
					/api/history?since=99999999999999999999         | 'since' must be epoch milliseconds
					/api/history?since=2000&until=1000              | 'since' must be before 'until'
					/api/history?since=1000&until=1000              | 'since' must be before 'until'
					/api/history?limit=0                            | 'limit' must be a whole number from 1 to 1000, was '0'
					/api/history?limit=1001                         | 'limit' must be a whole number from 1 to 1000
					/api/history?limit=ten                          | 'limit' must be a whole number from 1 to 1000
					/api/history?limit=1.5                          | 'limit' must be a whole number
					/api/history?cursor=not-a-cursor                | 'cursor': cursor is not one a history page gave
					/api/history?cursor=                            | 'cursor' must be the nextCursor of the page before
					/api/history?queue=elsewhere                    | The queue 'elsewhere' is not one this application serves or configures
					/api/history?group=g1                           | 'group' needs the parameter 'queue'
					/api/history?queue=orders&task=%s               | 'task' is not a valid name
					/api/history?worker=%s                          | 'worker' is not a valid name
					/api/history?outcomes=dead                      | This call takes no parameter 'outcomes'; it takes cursor, group, limit, outcome, queue, since, task, until, worker
					/api/history?queue=orders&queue=default         | 'queue' may be given once, was given 2 times
					/api/history/stats?resolution=week              | 'resolution' must be one of minute, hour, day, was 'week'
					/api/history/stats?since=0                      | The range of 'since', 'until' and 'resolution': the range holds
					/api/history/stats?group=g1                     | 'group' needs the parameter 'queue'
					/api/history/stats?until=soon                   | 'until' must be epoch milliseconds
					/api/history/stats?queue=elsewhere              | The queue 'elsewhere' is not one
					/api/history/stats?limit=5                      | This call takes no parameter 'limit'
					/api/history/errors?limit=101                   | 'limit' must be a whole number from 1 to 100
					/api/history/errors?since=now                   | 'since' must be epoch milliseconds
					/api/history/errors?until=1000                  | This call takes no parameter 'until'
					/api/history/errors?queue=elsewhere             | The queue 'elsewhere' is not one
					/api/tasks                                      | 'state' is needed: one of waiting, active, delayed, completed, dead
					/api/tasks?state=failed                         | 'state' must be one of waiting, active, delayed, completed, dead, was 'failed'
					/api/tasks?state=waiting&order=random           | 'order' must be one of oldest, newest
					/api/tasks?state=waiting&limit=0                | 'limit' must be a whole number from 1 to 1000
					/api/tasks?state=waiting&cursor=nope            | 'cursor': cursor must be null (first page) or the nextCursor of a page
					/api/tasks?state=waiting&queue=elsewhere        | The queue 'elsewhere' is not one
					/api/tasks?state=waiting&page=2                 | This call takes no parameter 'page'
					/api/workers?queue=orders                       | This call takes no parameter 'queue'
					""")
	void badParameterIsAProblemNamingIt(String path, String detail) {
		ApiRunner
			.run(ApiRunner.on(this.manager).withPropertyValues("cleo.queues.orders.retries=0"),
					(mvc) -> mvc.perform(get(path.formatted(LONG_NAME)))
						.andExpect(status().isBadRequest())
						.andExpect(content().contentType("application/problem+json"))
						.andExpect(jsonPath("$.status").value(400))
						.andExpect(jsonPath("$.detail")
							.value(allOf(containsString(detail), not(containsString("Exception")),
									not(containsString("dev.cleo")), not(containsString("\tat "))))));
	}

	@Test
	void anAuthorisedCallerIsToldWhichQueuesThereAre() {
		ApiRunner.run(
				ApiRunner.on(this.manager)
					.withBean(WriteAccess.class, ApiRunner::authorised)
					.withPropertyValues("cleo.queues.orders.retries=0"),
				(mvc) -> mvc.perform(get("/api/history").param("queue", "elsewhere"))
					.andExpect(status().isBadRequest())
					.andExpect(
							jsonPath("$.detail").value(containsString("the queues it takes are 'default', 'orders'"))));
	}

}
