/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.queue.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import static org.awaitility.Awaitility.await;

/**
 * A client that calls {@code /actuator/prometheus} and {@code /actuator/health} every
 * interval without waiting for earlier answers, as Prometheus and a load balancer do, and
 * records how long each answer took; it also samples Tomcat's thread counts.
 */
final class EndpointProbe implements AutoCloseable {

	static final List<String> PATHS = List.of("/actuator/prometheus", "/actuator/health");

	/** Longer than any deadline, so a late answer is measured rather than cut off. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

	private static final HttpClient SYNC_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	private final Duration interval;

	private final MeterRegistry meters;

	private final ExecutorService io = Executors.newCachedThreadPool();

	private final HttpClient client;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private final List<Answer> answers = new CopyOnWriteArrayList<>();

	private final List<CompletableFuture<?>> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger maxBusy = new AtomicInteger();

	private final AtomicInteger maxThreads = new AtomicInteger();

	EndpointProbe(int port, Duration interval, MeterRegistry meters) {
		this.port = port;
		this.interval = interval;
		this.meters = meters;
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(this.io).build();
	}

	/**
	 * Call the endpoints every interval for a while, then return; answers may still come
	 * in afterwards ({@link #close()} waits for them).
	 */
	void runFor(Duration duration) throws InterruptedException {
		CountDownLatch ticks = new CountDownLatch((int) (duration.toMillis() / this.interval.toMillis()));
		ScheduledFuture<?> schedule = this.ticker.scheduleAtFixedRate(() -> {
			PATHS.forEach(this::call);
			sampleThreads();
			ticks.countDown();
		}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		ticks.await(duration.plusSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
		schedule.cancel(false);
	}

	void awaitHealth(int status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> status(this.port, "/actuator/health") == status);
	}

	private void call(String path) {
		long start = System.nanoTime();
		HttpRequest request = HttpRequest.newBuilder(uri(this.port, path)).timeout(REQUEST_TIMEOUT).build();
		this.requests.add(this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.whenComplete((response, failure) -> this.answers.add(new Answer(path,
					Duration.ofNanos(System.nanoTime() - start), (response != null) ? response.statusCode() : -1))));
	}

	private void sampleThreads() {
		this.maxBusy.accumulateAndGet((int) gauge("tomcat.threads.busy"), Math::max);
		this.maxThreads.accumulateAndGet((int) gauge("tomcat.threads.current"), Math::max);
	}

	private double gauge(String name) {
		Gauge gauge = this.meters.find(name).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	/**
	 * @return the answers that came later than their path's deadline, or never
	 */
	List<Answer> late() {
		return this.answers.stream()
			.filter((answer) -> answer.status() < 0
					|| answer.took().compareTo(RedisOutageTests.deadline(answer.path())) > 0)
			.toList();
	}

	Map<Integer, Long> statuses(String path) {
		return this.answers.stream()
			.filter((answer) -> answer.path().equals(path))
			.collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
	}

	String summary(String path) {
		long[] millis = this.answers.stream()
			.filter((answer) -> answer.path().equals(path))
			.mapToLong((answer) -> answer.took().toMillis())
			.sorted()
			.toArray();
		if (millis.length == 0) {
			return "no answers to " + path;
		}
		return String.format("%d answers to %s %s, p50 %d ms, p99 %d ms, max %d ms", millis.length, path,
				statuses(path), millis[millis.length / 2], millis[(int) (millis.length * 0.99)],
				Arrays.stream(millis).max().getAsLong());
	}

	int maxBusyThreads() {
		return this.maxBusy.get();
	}

	int maxThreads() {
		return this.maxThreads.get();
	}

	/** Stop calling and wait for the answers still to come. */
	@Override
	public void close() {
		this.ticker.shutdownNow();
		CompletableFuture.allOf(this.requests.toArray(CompletableFuture[]::new))
			.handle((done, failure) -> done)
			.orTimeout(REQUEST_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
			.join();
		this.io.shutdownNow();
	}

	/**
	 * Tomcat's request threads whose stack is in Cleo or in the Redis client: each one is
	 * a request waiting on Redis.
	 */
	static long requestThreadsWaitingOnRedis() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getName().startsWith("http-nio-"))
			.filter((entry) -> Arrays.stream(entry.getValue())
				.anyMatch((frame) -> frame.getClassName().startsWith("dev.cleo.")
						|| frame.getClassName().startsWith("io.lettuce.")))
			.count();
	}

	static int status(int port, String path) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(5)).build();
			return SYNC_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	/**
	 * One answer.
	 *
	 * @param path the path called
	 * @param took from the call to the answer (or the failure)
	 * @param status the HTTP status, or -1 when no answer came
	 */
	record Answer(String path, Duration took, int status) {

	}

}
