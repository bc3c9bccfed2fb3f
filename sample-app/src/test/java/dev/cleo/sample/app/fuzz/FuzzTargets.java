/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates request {@code i} of a fuzz run from the run's seed alone, so that a failure
 * is replayed by its seed and index: an endpoint of the Actuator {@code queues} endpoint,
 * of the sample's own, of the rest of Actuator or of the HTTP API; the method, target,
 * credentials, content type and accept header it takes, each now and then replaced by a
 * wrong one; and a body from {@link FuzzBodies}, or random bytes, deep nesting, hostile
 * JSON, nothing, or a few megabytes.
 */
final class FuzzTargets {

	/** The application's queues. */
	static final List<String> QUEUES = List.of("work", "orders", "reports", "notifications", "default");

	/**
	 * The queues the fuzz's admin writes may pause or remove: not {@code orders}, whose
	 * {@code /orders/checkout} waits for its task by design and would then wait 30 s.
	 */
	private static final List<String> WRITABLE = List.of("work", "reports", "notifications", "default");

	private static final List<String> ACTIONS = List.of("pause", "resume", "retry-dead-letters", "purge-dead-letters",
			"cancel", "pause-schedule", "resume-schedule", "delete-schedule", "trigger-schedule");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD",
			"TRACE", "FOO", "get");

	private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
			"application/problem+json", "application/vnd.spring-boot.actuator.v3+json", "a/b/c", "*/*", ";;;", "");

	private static final List<String> ACCEPTS = List.of("application/json", "text/html", "*/*", "image/png",
			"application/xml", "application/vnd.spring-boot.actuator.v2+json", "x;;q=oops", "text/event-stream");

	private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes());

	private static final List<String> WRONG_AUTH = List.of("Basic " + base64("admin:guess"),
			"Basic " + base64("admin:"), "Basic !!!", "Bearer x.y.z", "Basic " + base64("${7*7}:#{7*7}"), "Digest x");

	private final Random random;

	private final FuzzValues values;

	private final FuzzBodies bodies;

	private FuzzTargets(Random random) {
		this.random = random;
		this.values = new FuzzValues(random);
		this.bodies = new FuzzBodies(this.values);
	}

	/**
	 * Request {@code index} of the run with this seed.
	 * @param seed the run's seed
	 * @param index the request's number
	 * @return the request
	 */
	static FuzzRequest request(long seed, int index) {
		return new FuzzTargets(new Random(seed * 0x9E3779B97F4A7C15L + index)).next();
	}

	private FuzzRequest next() {
		int pick = this.random.nextInt(100);
		if (pick < 45) {
			return queuesEndpoint(pick);
		}
		if (pick < 70) {
			return sample(pick);
		}
		if (pick < 74) {
			return read("GET " + "/actuator/*",
					this.values.pick(List.of("/actuator", "/actuator/health", "/actuator/health/cleo",
							"/actuator/health/redis", "/actuator/health/" + name(), "/actuator/info",
							"/actuator/metrics", "/actuator/metrics/cleo.tasks.completed", "/actuator/prometheus")));
		}
		return api(pick);
	}

	private FuzzRequest queuesEndpoint(int pick) {
		if (pick < 5) {
			return read("GET /actuator/queues", "/actuator/queues");
		}
		if (pick < 17) {
			return read("GET /actuator/queues/{name}", "/actuator/queues/" + name());
		}
		if (pick < 38) {
			String action = this.values.chance(70) ? this.values.pick(ACTIONS) : segment(this.values.string());
			return write("POST /actuator/queues/{name}/{action}", "POST",
					"/actuator/queues/" + writableName() + "/" + action, this.bodies.action(taskId()));
		}
		String query = this.values.pick(List.of("", "?withTasks=true", "?withTasks=false", "?withTasks=maybe",
				"?withTasks=", "?withTasks=true&withTasks=false", "?withTasks=" + segment(this.values.string())));
		return write("DELETE /actuator/queues/{name}", "DELETE", "/actuator/queues/" + writableName() + query, "");
	}

	private FuzzRequest sample(int pick) {
		if (pick < 54) {
			return write("POST /orders", "POST", "/orders", this.bodies.order());
		}
		if (pick < 59) {
			return write("POST /orders/checkout", "POST", "/orders/checkout", this.bodies.order());
		}
		if (pick < 66) {
			return write("POST /reports", "POST", "/reports", this.bodies.report());
		}
		return read("GET /reports/{id}", "/reports/" + taskId());
	}

	private FuzzRequest api(int pick) {
		if (pick < 86) {
			return write("POST /api/jobs", "POST", "/api/jobs", this.bodies.job());
		}
		if (pick < 90) {
			return read("GET /api/jobs/{id}", "/api/jobs/" + taskId()
					+ (this.values.chance(50) ? "?queue=" + segment(this.values.pick(QUEUES)) : ""));
		}
		if (pick < 92) {
			return write("POST /api/jobs/{id}/cancel", "POST", "/api/jobs/" + taskId() + "/cancel", "");
		}
		if (pick < 93) {
			return read("GET /api/status|health", this.values.pick(List.of("/api/status", "/api/health")));
		}
		if (pick < 95) {
			return read("GET /api/history|tasks|workers", historyRead());
		}
		if (pick < 98) {
			return write("POST /api/dlq/reprocess", "POST", "/api/dlq/reprocess",
					this.bodies.reprocess(this.values.pick(QUEUES)));
		}
		return write("POST /api/cleanup", "POST", "/api/cleanup", this.bodies.cleanup(this.values.pick(QUEUES)));
	}

	/** A read of history, tasks or workers, with parameters mostly of the right kind. */
	private String historyRead() {
		String path = this.values.pick(List.of("/api/history", "/api/history/stats", "/api/history/errors",
				"/api/tasks", "/api/workers", "/api/jobs/" + taskId() + "/attempts"));
		StringBuilder query = new StringBuilder();
		for (String parameter : List.of("queue", "state", "outcome", "since", "until", "limit", "cursor", "resolution",
				"worker", "group")) {
			if (this.values.chance(25)) {
				String value = switch (parameter) {
					case "queue" -> this.values.pick(QUEUES);
					case "state" -> this.values.pick(List.of("waiting", "active", "delayed", "completed", "dead", "x"));
					case "outcome" -> this.values.pick(List.of("dead", "failed,retried", "completed", "nope"));
					case "since", "until" ->
						this.values.pick(List.of("0", "1769860800000", "2026-01-31T12:00:00Z", "-1"));
					case "resolution" -> this.values.pick(List.of("minute", "hour", "day", "week"));
					default -> this.values.string();
				};
				query.append(query.isEmpty() ? '?' : '&').append(parameter).append('=').append(segment(value));
			}
		}
		return path + query;
	}

	private FuzzRequest read(String endpoint, String target) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.values.chance(10)) {
			headers.put("Authorization", ADMIN);
		}
		return build(endpoint, "GET", target, headers, this.values.chance(5) ? this.values.json(2) : "");
	}

	private FuzzRequest write(String endpoint, String method, String target, String json) {
		Map<String, String> headers = new LinkedHashMap<>();
		int auth = this.random.nextInt(100);
		if (auth < 70) {
			headers.put("Authorization", ADMIN);
		}
		else if (auth < 85) {
			headers.put("Authorization", this.values.pick(WRONG_AUTH));
		}
		return build(endpoint, method, target, headers, json);
	}

	private FuzzRequest build(String endpoint, String method, String target, Map<String, String> headers, String json) {
		byte[] body = body(json);
		if (body.length > 0 || this.values.chance(20)) {
			headers.put("Content-Type", this.values.chance(75) ? "application/json" : this.values.pick(CONTENT_TYPES));
		}
		if (this.values.chance(30)) {
			headers.put("Accept", this.values.pick(ACCEPTS));
		}
		String sent = this.values.chance(10) ? this.values.pick(METHODS) : method;
		String path = this.values.chance(10) ? FuzzPaths.trick(this.values, target) : target;
		return new FuzzRequest(endpoint, sent, path, headers, body);
	}

	private byte[] body(String json) {
		int kind = this.random.nextInt(1000);
		if (kind < 700) {
			return json.getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 780) {
			return this.values.json(3).getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 850) {
			return this.values.nested().getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 930) {
			return this.values.bytes(4096);
		}
		if (kind < 996) {
			return new byte[0];
		}
		// A few megabytes: a valid shape around one huge string.
		int size = (2 + this.random.nextInt(3)) * 1024 * 1024;
		return ("{\"type\":\"send-email\",\"payload\":{\"to\":\"a@example.com\",\"body\":\"" + "b".repeat(size)
				+ "\"},\"id\":\"o-1\",\"title\":\"" + "t".repeat(1000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private String name() {
		return switch (this.random.nextInt(5)) {
			case 0, 1 -> this.values.pick(QUEUES);
			case 2 -> "ghost-" + this.random.nextInt(1000);
			case 3 -> this.values.pick(List.of("*", "q".repeat(101), "a%20b", "%2e%2e", "..", "%C3%A9t%C3%A9", "%00",
					"a;b", "%F0%9F%98%80"));
			default -> segment(this.values.string());
		};
	}

	private String writableName() {
		String name = name();
		return name.equals("orders") ? this.values.pick(WRITABLE) : name;
	}

	private String taskId() {
		return this.values.chance(70) ? UUID.randomUUID().toString() : segment(this.values.string());
	}

	/**
	 * A value percent-encoded as one path segment or query value (its quotes dropped).
	 */
	private static String segment(String jsonString) {
		String text = (jsonString.length() >= 2 && jsonString.startsWith("\""))
				? jsonString.substring(1, jsonString.length() - 1) : jsonString;
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
