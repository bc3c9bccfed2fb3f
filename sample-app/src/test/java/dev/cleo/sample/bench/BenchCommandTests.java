/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cleo.queue.test.RedisServer;
import dev.cleo.queue.test.RedisTest;
import dev.cleo.sample.SampleApplication;

import static org.assertj.core.api.Assertions.assertThat;

@RedisTest
class BenchCommandTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RedisClient client;

	private StatefulRedisConnection<String, String> connection;

	@BeforeEach
	void connect(RedisServer redis) {
		this.client = redis.newClient();
		this.connection = this.client.connect();
	}

	@AfterEach
	void disconnect() {
		this.connection.close();
		this.client.shutdown();
	}

	@Test
	void everyScenarioPrintsOneJsonLineAndOnlyBenchKeysAreDeleted(RedisServer redis) {
		this.connection.sync().set("other:keep", "still here");
		List<JsonNode> lines = bench(redis, "--tasks=200", "--duration-seconds=1", "--rate=200");
		assertThat(lines).extracting((line) -> line.get("scenario").asString())
			.containsExactly("enqueue_bulk", "drain", "delayed_due", "end_to_end", "proxy_end_to_end",
					"groups_round_robin", "latency", "flood");
		for (JsonNode line : lines) {
			assertThat(line.get("tasks").asLong()).isPositive();
			assertThat(line.get("concurrency").asInt()).isPositive();
			assertThat(line.get("seconds").asDouble()).isPositive();
			assertThat(line.get("tasks_per_sec").asDouble()).isPositive();
			assertThat(line.get("redis_cpu_us_per_task").asDouble()).as("%s", line).isPositive();
			assertThat(line.get("redis_used_memory_bytes").asLong()).isPositive();
		}
		assertThat(this.connection.sync().get("other:keep")).isEqualTo("still here");
		assertThat(this.connection.sync().keys("cleo-bench:*")).isEmpty();
	}

	@Test
	void groupsRoundRobinRunsEveryTaskInItsGroupsAndSaysHowMany(RedisServer redis) {
		JsonNode line = bench(redis, "--scenario=groups_round_robin", "--tasks=300", "--groups=30").get(0);

		assertThat(line.get("tasks").asInt()).isEqualTo(300);
		assertThat(line.get("groups").asInt()).isEqualTo(30);
		assertThat(line.get("group_concurrency").asInt()).isEqualTo(1);
		assertThat(line.has("dead")).isFalse();
	}

	@Test
	void delayedDueTimesFromTheDueInstantToTheLastStartAfterAnEnqueueThatEndedBeforeIt(RedisServer redis) {
		JsonNode line = bench(redis, "--scenario=delayed_due", "--tasks=2000", "--warmup-tasks=0").get(0);

		assertThat(line.get("tasks").asInt()).isEqualTo(2_000);
		assertThat(line.get("lead_ms").asLong()).isEqualTo(1_050);
		assertThat(line.get("enqueue_seconds").asDouble()).isPositive().isLessThan(1.05);
		double firstStartMillis = line.get("first_start_ms").asDouble();
		assertThat(firstStartMillis).as("no task starts before its due time").isNotNegative();
		assertThat(line.get("seconds").asDouble() * 1_000).isGreaterThanOrEqualTo(firstStartMillis);
		assertThat(line.has("dead")).isFalse();
	}

	@Test
	void latencyReportsPercentilesOfTheMeasuredTasks(RedisServer redis) {
		JsonNode latency = bench(redis, "--scenario=latency", "--duration-seconds=1", "--rate=100",
				"--warmup-tasks=200")
			.get(0);
		assertThat(latency.get("tasks").asLong()).isEqualTo(100);
		double p50 = latency.get("p50_ms").asDouble();
		assertThat(p50).isPositive();
		assertThat(latency.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(p50);
		assertThat(latency.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(latency.get("p95_ms").asDouble());
	}

	@Test
	void floodRunsTenTimesTheTasksAndReportsMemoryBeforeAndDuring(RedisServer redis) {
		JsonNode flood = bench(redis, "--scenario=flood", "--tasks=100").get(0);
		assertThat(flood.get("tasks").asLong()).isEqualTo(1_000);
		assertThat(flood.get("redis_used_memory_before_bytes").asLong()).isPositive();
		assertThat(flood.get("redis_used_memory_peak_during_bytes").asLong()).isPositive();
		assertThat(flood.has("p50_ms")).isFalse();
	}

	@Test
	void historyOffRecordsNothingAndEveryLineSaysWhetherHistoryWasOn(RedisServer redis) {
		long before = eventsWritten(redis);
		List<JsonNode> off = bench(redis, "--scenario=drain,proxy_end_to_end", "--tasks=200", "--history=off");
		assertThat(off).extracting((line) -> line.get("history").asString()).containsExactly("off", "off");
		assertThat(eventsWritten(redis)).as("XADD calls with history off").isEqualTo(before);

		List<JsonNode> on = bench(redis, "--scenario=drain,proxy_end_to_end", "--tasks=200");
		assertThat(on).extracting((line) -> line.get("history").asString()).containsExactly("on", "on");
		assertThat(eventsWritten(redis)).as("XADD calls with history on").isGreaterThan(before);
	}

	@Test
	void historyTakesOnOrOff(RedisServer redis) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = SampleApplication.run(new String[] { "bench", "--redis-url=" + redis.uri(), "--history=no" },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(out.size()).isZero();
	}

	/** The XADD calls Redis ran so far, the scripts' included: one per recorded call. */
	private static long eventsWritten(RedisServer redis) {
		Matcher calls = Pattern.compile("^cmdstat_xadd:calls=(\\d+)", Pattern.MULTILINE)
			.matcher(redis.info("commandstats"));
		return calls.find() ? Long.parseLong(calls.group(1)) : 0;
	}

	@Test
	void unknownScenarioIsAUsageError(RedisServer redis) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = SampleApplication.run(new String[] { "bench", "--redis-url=" + redis.uri(), "--scenario=nope" },
				new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(status).isEqualTo(2);
		assertThat(out.size()).isZero();
	}

	private List<JsonNode> bench(RedisServer redis, String... options) {
		String[] args = new String[options.length + 2];
		args[0] = "bench";
		args[1] = "--redis-url=" + redis.uri();
		System.arraycopy(options, 0, args, 2, options.length);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(SampleApplication.run(args, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
	}

}
