/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleo.queue.QueueManager;
import dev.cleo.queue.TaskHandle;
import dev.cleo.queue.TaskOptions;
import dev.cleo.queue.TaskState;
import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.queue.worker.WorkerPoolOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/events} on a real Tomcat: the events of another instance's workers
 * arrive as server-sent events with ids, a client reconnecting with {@code Last-Event-ID}
 * goes on after the last one it got, and bad parameters are 400 problems.
 */
@RedisTest
class EventsApiTests {

	private static final String QUEUE = "mail";

	@Test
	void eventsOfAnotherInstanceStreamAndAReconnectGoesOnAfterTheLastId(RedisServer redis) throws Exception {
		try (ConfigurableApplicationContext app = start(redis);
				QueueManager other = QueueManager.builder().redisUri(redis.uri()).workerId("other").build()) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			other.register("send", (task) -> "sent");
			other.startWorkers(WorkerPoolOptions.builder().queue(QUEUE).build());
			TaskHandle<Object> warmUp = other.enqueue("send", "0", TaskOptions.defaults().queue(QUEUE));
			await().until(() -> warmUp.state().orElseThrow() == TaskState.COMPLETED);

			List<String[]> received = new CopyOnWriteArrayList<>();
			EventReader reader = new EventReader(port, "queue=" + QUEUE + "&types=created,completed", null, received);
			reader.start();
			await().until(reader::connected);
			TaskHandle<Object> first = other.enqueue("send", "1", TaskOptions.defaults().queue(QUEUE));
			await().until(() -> received.stream()
				.anyMatch((event) -> event[0].equals("completed") && event[2].contains(first.id())));
			reader.interrupt();
			String lastId = received.get(received.size() - 1)[1];
			assertThat(received).extracting((event) -> event[0]).containsExactly("created", "completed");
			assertThat(received.get(1)[2]).contains("\"worker\":\"other/workers\"")
				.contains("\"detail\":\"\\\"sent\\\"\"");

			TaskHandle<Object> second = other.enqueue("send", "2", TaskOptions.defaults().queue(QUEUE));
			await().until(() -> second.state().orElseThrow() == TaskState.COMPLETED);
			List<String[]> resumed = new CopyOnWriteArrayList<>();
			EventReader again = new EventReader(port, "queue=" + QUEUE + "&types=created,completed", lastId, resumed);
			again.start();
			await().until(() -> resumed.size() >= 2);
			again.interrupt();
			assertThat(resumed).extracting((event) -> event[0]).containsExactly("created", "completed");
			assertThat(resumed).allSatisfy((event) -> assertThat(event[2]).contains(second.id()));
		}
	}

	@Test
	void anOpenStreamDoesNotHoldUpTheApplicationsShutdown(RedisServer redis) throws Exception {
		ConfigurableApplicationContext app = start(redis);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		EventReader reader = new EventReader(port, "queue=" + QUEUE, null, new CopyOnWriteArrayList<>());
		reader.start();
		await().until(reader::connected);
		long started = System.nanoTime();
		app.close();
		// Without completing the stream, the graceful shutdown waits its whole phase (30
		// s).
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		reader.join(5_000);
		assertThat(reader.isAlive()).as("the stream ended").isFalse();
	}

	@Test
	void badParametersAreProblems(RedisServer redis) throws Exception {
		try (ConfigurableApplicationContext app = start(redis)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			HttpClient client = HttpClient.newHttpClient();
			for (String query : List.of("queue=nobody", "types=sometimes", "colour=blue")) {
				HttpResponse<String> response = client
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events?" + query))
						.header("Accept", "text/event-stream")
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(query).isEqualTo(400);
				assertThat(response.headers().firstValue("Content-Type"))
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			}
		}
	}

	private static ConfigurableApplicationContext start(RedisServer redis) {
		return new SpringApplicationBuilder(EventsApplication.class)
			.properties(Map.of("server.port", "0", "spring.data.redis.url", redis.uri(), "cleo.web.api.enabled", "true",
					"cleo.queues." + QUEUE + ".concurrency", "1", "cleo.worker.enabled", "false",
					"cleo.worker.shutdown-timeout", "1s"))
			.run();
	}

	/** Reads a server-sent event stream into {event name, id, data} triples. */
	private static final class EventReader extends Thread {

		private final int port;

		private final String query;

		private final String lastEventId;

		private final List<String[]> received;

		private volatile boolean connected;

		EventReader(int port, String query, String lastEventId, List<String[]> received) {
			this.port = port;
			this.query = query;
			this.lastEventId = lastEventId;
			this.received = received;
			setDaemon(true);
		}

		boolean connected() {
			return this.connected;
		}

		@Override
		public void run() {
			try {
				HttpRequest.Builder request = HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/api/events?" + this.query))
					.header("Accept", "text/event-stream");
				if (this.lastEventId != null) {
					request.header("Last-Event-ID", this.lastEventId);
				}
				HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
					.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
				this.connected = response.statusCode() == 200;
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String name = null;
					String id = null;
					List<String> data = new ArrayList<>();
					String line;
					while (!isInterrupted() && (line = lines.readLine()) != null) {
						if (line.isEmpty()) {
							if (name != null) {
								this.received.add(new String[] { name, id, String.join("\n", data) });
							}
							name = null;
							id = null;
							data.clear();
						}
						else if (line.startsWith("event:")) {
							name = line.substring(6).trim();
						}
						else if (line.startsWith("id:")) {
							id = line.substring(3).trim();
						}
						else if (line.startsWith("data:")) {
							data.add(line.substring(5));
						}
					}
				}
			}
			catch (Exception ex) {
				// the test interrupts the reader when it has what it needs
			}
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EventsApplication {

	}

}
